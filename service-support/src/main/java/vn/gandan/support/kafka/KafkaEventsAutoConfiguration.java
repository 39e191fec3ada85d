package vn.gandan.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.Topics;
import vn.gandan.events.UnreadableEventException;

/**
 * Kafka wiring shared by all services: CloudEvents values both ways, retries then a dead letter for anything a
 * listener cannot handle, and the topics created at start-up (idempotently).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaEventsProperties.class)
public class KafkaEventsAutoConfiguration {

    /** Header on a dead letter with the root cause's message: the reason an operator reads first. */
    public static final String REASON_HEADER = "gandan_dlt-reason";

    /**
     * The container factory of a listener that takes a poll's records at once ({@code containerFactory =
     * BATCH_LISTENERS}), with the same retries and dead letters as the others; see {@link EventBatches}.
     */
    public static final String BATCH_LISTENERS = "gandanBatchListeners";

    /**
     * For the {@code properties} of a listener on {@link #BATCH_LISTENERS}, with its own {@code fetch.max.wait.ms}:
     * the broker holds a fetch until this much has come or that wait is over, so that a poll's bulk covers more
     * than one record when few come (ADR 0018).
     */
    public static final String GATHERED_FETCHES = "fetch.min.bytes=65536";

    @Bean
    PetitionEventCodec petitionEventCodec() {
        return new PetitionEventCodec();
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer cloudEventsProducer(PetitionEventCodec codec) {
        return factory -> {
            @SuppressWarnings("unchecked")
            var producers = (DefaultKafkaProducerFactory<String, Object>) factory;
            producers.setKeySerializer(new StringSerializer());
            producers.setValueSerializer(new PetitionEventSerializer(codec));
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer cloudEventsConsumer(PetitionEventCodec codec) {
        return factory -> {
            @SuppressWarnings("unchecked")
            var consumers = (DefaultKafkaConsumerFactory<String, PetitionEvent>) factory;
            consumers.setKeyDeserializer(new StringDeserializer());
            consumers.setValueDeserializer(new ErrorHandlingDeserializer<>(new PetitionEventDeserializer(codec)));
        };
    }

    /**
     * Retries with backoff, then the group's dead-letter topic (a failure of the infrastructure, see {@link
     * Outages}, is retried without limit instead), with the reason in {@link #REASON_HEADER} and
     * spring-kafka's {@code kafka_dlt-*} headers (original topic, offset, exception, stack trace), counted in
     * {@code gandan.kafka.dead.letters} by source topic; the service's {@link BeforeDeadLetter} steps run first.
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(
            KafkaOperations<Object, Object> template,
            KafkaEventsProperties properties,
            @Value("${spring.kafka.consumer.group-id}") String group,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<BeforeDeadLetter> beforeDeadLetter) {
        String deadLetterTopic = Topics.deadLetter(group);
        var recoverer = new DeadLetterCounter(
                template,
                (record, exception) -> new TopicPartition(deadLetterTopic, -1),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                beforeDeadLetter.orderedStream().toList());
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders()
                .add(
                        REASON_HEADER,
                        String.valueOf(NestedExceptionUtils.getMostSpecificCause(exception)
                                        .getMessage())
                                .getBytes(StandardCharsets.UTF_8)));
        var backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, IllegalArgumentException.class);
        handler.setBackOffFunction(
                (record, failure) -> Outages.isOutage(failure) ? untilTheOutageEnds(properties) : null);
        return handler;
    }

    /** Boot's settings for listeners (concurrency, acks, observation, the error handler above), in batches. */
    @Bean(BATCH_LISTENERS)
    ConcurrentKafkaListenerContainerFactory<Object, Object> gandanBatchListeners(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        return factory;
    }

    /**
     * Observes a batch's records as the containers observe single ones, when {@code
     * spring.kafka.listener.observation-enabled} says so.
     */
    @Bean
    EventBatches eventBatches(
            ObjectProvider<ObservationRegistry> registry,
            @Value("${spring.kafka.listener.observation-enabled:false}") boolean observed) {
        return new EventBatches(
                observed ? registry.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP);
    }

    /** No limit on attempts: the record waits, and its partition with it, until the store is back. */
    static ExponentialBackOff untilTheOutageEnds(KafkaEventsProperties properties) {
        var backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.outageBackoffMax().toMillis());
        return backOff;
    }

    /**
     * Every topic of the pipeline plus this group's dead-letter topic, with their retention and replication
     * ({@link GandanTopics}); creating an existing topic is a no-op and leaves its configuration alone.
     */
    @Bean
    KafkaAdmin.NewTopics gandanTopics(
            KafkaEventsProperties properties, @Value("${spring.kafka.consumer.group-id}") String group) {
        return new KafkaAdmin.NewTopics(GandanTopics.of(properties, group));
    }
}
