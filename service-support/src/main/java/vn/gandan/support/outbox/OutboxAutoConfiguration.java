package vn.gandan.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import vn.gandan.events.PetitionEventCodec;

@AutoConfiguration(after = {DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaOperations<Object, Object> kafka,
            PetitionEventCodec codec,
            OutboxProperties properties,
            MongoMappingContext mapping,
            MeterRegistry meters,
            ObjectProvider<Clock> clock,
            ObjectProvider<KafkaAdmin> admin,
            @Value("${spring.kafka.admin.auto-create:true}") boolean createTopics) {
        List<String> collections = mapping.getPersistentEntities().stream()
                .filter(entity -> entity.getPersistentProperty(OutboxEntry.FIELD) != null)
                .map(entity -> entity.getCollection())
                .distinct()
                .toList();
        // The topics the admin could not create at start-up (Kafka down) are created before the first publication.
        KafkaAdmin topics = createTopics ? admin.getIfAvailable() : null;
        return new OutboxRelay(
                mongo,
                kafka,
                codec,
                properties,
                collections,
                meters,
                clock.getIfAvailable(Clock::systemUTC),
                topics == null ? () -> true : topics::initialize);
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }
}
