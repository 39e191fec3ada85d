package vn.gandan.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The dead-letter recoverer that also counts: {@code gandan.kafka.dead.letters{topic=<source topic>}}, so that an
 * alert fires on the first record a consumer gave up on rather than when someone reads the dead-letter topic.
 * Counted only once the dead letter is written: a failed write fails the recovery and the record is tried again.
 * The service's {@link BeforeDeadLetter} steps run first.
 */
class DeadLetterCounter extends DeadLetterPublishingRecoverer {

    private final MeterRegistry meters;
    private final List<BeforeDeadLetter> before;

    DeadLetterCounter(
            KafkaOperations<?, ?> template,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
            MeterRegistry meters,
            List<BeforeDeadLetter> before) {
        super(template, destination);
        this.meters = meters;
        this.before = List.copyOf(before);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        before.forEach(step -> step.prepare(record, exception));
        super.accept(record, consumer, exception);
        Counter.builder("gandan.kafka.dead.letters")
                .description("Records sent to this consumer group's dead-letter topic")
                .tag("topic", record.topic())
                .register(meters)
                .increment();
    }
}
