package vn.gandan.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service does with a record it is about to give up on, before the dead letter is written, while its
 * partition is still held at that record: e.g. finish state that a later record of the partition must not overtake.
 * Throwing fails the recovery, so the record is tried again rather than sent to the dead-letter topic.
 */
@FunctionalInterface
public interface BeforeDeadLetter {

    /** @param record its value is the deserialized event, or null if it could not be read */
    void prepare(ConsumerRecord<?, ?> record, Exception exception);
}
