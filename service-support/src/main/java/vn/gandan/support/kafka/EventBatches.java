package vn.gandan.support.kafka;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import vn.gandan.events.PetitionEvent;

/**
 * For a listener on {@link KafkaEventsAutoConfiguration#BATCH_LISTENERS}, which takes a poll's records at once to
 * write them in bulk: the batch keeps the guarantees of a single record. A record that fails is named to the error
 * handler after the work of the ones before it is written, so that committing those loses nothing; it is retried,
 * then dead-lettered with its reason (an outage: retried without limit); the records after it come again, which
 * every consumer absorbs (ADR 0003).
 *
 * <p>spring-kafka observes record listeners only. Here each record is observed as it would be there (the same
 * {@code spring.kafka.listener} timer, a consumer span continuing the record's {@code traceparent}) while its work
 * is added, so what the work records (an outbox entry, a delivery, a log line) stays in the petition's trace. A
 * {@link Bulk} therefore does in {@link Bulk#add} all that belongs to the event, and leaves to {@link Bulk#write}
 * only the store writes.
 */
public class EventBatches {

    private static final LogAccessor log = new LogAccessor(EventBatches.class);

    private final ObservationRegistry registry;

    /** @param registry {@link ObservationRegistry#NOOP} where listener observation is off */
    public EventBatches(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** The store work of some events, gathered first and written at once. */
    public interface Bulk {

        /**
         * Before the first {@link #add}, with the poll's readable events: a bulk that reads before it decides reads
         * them all at once here. Nothing may be written yet.
         */
        default void prepare(List<PetitionEvent> events) {}

        /**
         * Adds the work of one event, in the event's trace; a failure here is this event's alone.
         *
         * @param from the record it was read from, for a bulk that must know where (reporting's marks)
         */
        void add(PetitionEvent event, ConsumerRecord<String, PetitionEvent> from);

        /** Writes all that was added, in the order it was added. */
        void write();
    }

    /**
     * Adds each record's event to one bulk and writes it once. A record that cannot be read or added fails the batch
     * at itself. A write the store refuses is written again record by record, to find the one at fault; an outage
     * fails the batch at its first record, which the error handler retries until the store is back.
     *
     * @param listenerId the listener's id, as its observations are tagged
     */
    public void writeInBulk(
            String listenerId, List<ConsumerRecord<String, PetitionEvent>> records, Supplier<? extends Bulk> bulks) {
        if (records.isEmpty()) {
            return;
        }
        Bulk bulk = bulks.get();
        // A failure here names no record: the whole poll comes again (an outage: until the store is back).
        bulk.prepare(records.stream()
                .map(ConsumerRecord::value)
                .filter(Objects::nonNull)
                .toList());
        List<ConsumerRecord<String, PetitionEvent>> added = new ArrayList<>(records.size());
        for (ConsumerRecord<String, PetitionEvent> record : records) {
            try {
                add(bulk, listenerId, record);
            } catch (RuntimeException failure) {
                write(bulk, listenerId, added, bulks);
                throw failure instanceof BatchListenerFailedException named
                        ? named
                        : new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, record);
            }
            added.add(record);
        }
        write(bulk, listenerId, added, bulks);
    }

    private void write(
            Bulk bulk,
            String listenerId,
            List<ConsumerRecord<String, PetitionEvent>> added,
            Supplier<? extends Bulk> bulks) {
        if (added.isEmpty()) {
            return;
        }
        try {
            bulk.write();
        } catch (RuntimeException failure) {
            if (Outages.isOutage(failure)) {
                throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, added.get(0));
            }
            for (ConsumerRecord<String, PetitionEvent> record : added) {
                try {
                    Bulk single = bulks.get();
                    add(single, listenerId, record);
                    single.write();
                } catch (RuntimeException refused) {
                    throw new BatchListenerFailedException(String.valueOf(refused.getMessage()), refused, record);
                }
            }
        }
    }

    private void add(Bulk bulk, String listenerId, ConsumerRecord<String, PetitionEvent> record) {
        PetitionEvent event = eventOf(record);
        Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(
                null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(
                        record, listenerId, null, String.valueOf(KafkaUtils.getConsumerGroupId()), () -> null),
                registry);
        observation.observe(() -> bulk.add(event, record));
    }

    /**
     * The record's event. A record that could not be read (its value null, the reason in spring-kafka's header)
     * fails the batch at itself: it goes to the dead-letter topic with its original bytes, as a single one would.
     */
    static PetitionEvent eventOf(ConsumerRecord<String, PetitionEvent> record) {
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
}
