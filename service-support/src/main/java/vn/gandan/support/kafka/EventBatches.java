package vn.gandan.support.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import vn.gandan.events.PetitionEvent;

/**
 * For a listener on {@link KafkaEventsAutoConfiguration#BATCH_LISTENERS}, which takes a poll's records at once to
 * write them in one bulk command: how it names the record that failed, so that the batch keeps the guarantees of a
 * single record. The records before it are committed; it is retried, then dead-lettered with its reason (an outage:
 * retried without limit); the records after it come again and must be idempotent, as every consumer is.
 */
public final class EventBatches {

    private static final LogAccessor log = new LogAccessor(EventBatches.class);

    private EventBatches() {}

    /**
     * The record's event. A record that could not be read (its value null, the reason in spring-kafka's header)
     * fails the batch at itself: it goes to the dead-letter topic with its original bytes, as a single one would.
     */
    public static PetitionEvent eventOf(ConsumerRecord<String, PetitionEvent> record) {
        DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
        }
        if (record.value() == null) {
            throw new BatchListenerFailedException(
                    "no event in the record", new IllegalArgumentException("a record without a value"), record);
        }
        return record.value();
    }

    /**
     * A bulk write of {@code records}, in their order, failed: the batch fails at the first record whose write the
     * store refused (an ordered bulk applied the ones before it), or at the first record when the store could not
     * be reached, which the error handler then retries until the outage ends.
     */
    public static BatchListenerFailedException failedAt(
            List<? extends ConsumerRecord<?, ?>> records, RuntimeException failure) {
        int index = 0;
        if (failure instanceof BulkOperationException refused
                && !refused.getErrors().isEmpty()) {
            index = refused.getErrors().get(0).getIndex();
        }
        return new BatchListenerFailedException(failure.getMessage(), failure, records.get(index));
    }
}
