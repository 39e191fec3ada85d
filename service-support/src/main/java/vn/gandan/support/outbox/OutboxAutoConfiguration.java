package vn.gandan.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.gandan.support.observability.ObservabilityAutoConfiguration;
import vn.gandan.support.observability.StoredTraces;

@AutoConfiguration(
        after = {DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class, ObservabilityAutoConfiguration.class})
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
            StoredTraces traces,
            @Value("${spring.kafka.admin.auto-create:true}") boolean createTopics) {
        var aggregates = mapping.getPersistentEntities().stream()
                .filter(entity -> entity.getPersistentProperty(OutboxEntry.FIELD) != null)
                .toList();
        List<String> collections = aggregates.stream()
                .map(entity -> entity.getCollection())
                .distinct()
                .toList();
        Map<String, String> versionFields = new HashMap<>();
        aggregates.stream()
                .filter(entity -> entity.hasVersionProperty())
                .forEach(entity -> versionFields.put(
                        entity.getCollection(),
                        entity.getRequiredVersionProperty().getFieldName()));
        // The topics the admin could not create at start-up (Kafka down) are created before the first publication.
        KafkaAdmin topics = createTopics ? admin.getIfAvailable() : null;
        return new OutboxRelay(
                mongo,
                kafka,
                codec,
                properties,
                collections,
                versionFields,
                meters,
                clock.getIfAvailable(Clock::systemUTC),
                topics == null ? () -> true : topics::initialize,
                traces);
    }

    @Bean
    NewAggregates newAggregates(MongoTemplate mongo, OutboxRelay relay) {
        return new NewAggregates(mongo, relay);
    }

    @Bean
    ChangedAggregates changedAggregates(MongoTemplate mongo, OutboxRelay relay) {
        return new ChangedAggregates(mongo, relay);
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }
}
