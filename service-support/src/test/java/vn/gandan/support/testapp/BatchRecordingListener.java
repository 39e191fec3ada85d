package vn.gandan.support.testapp;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.support.kafka.EventBatches;
import vn.gandan.support.kafka.KafkaEventsAutoConfiguration;
import vn.gandan.support.observability.StoredTrace;

/**
 * Takes the routing topic a poll at a time and writes each event into {@link #COLLECTION} in one ordered bulk, as a
 * service's batch listener would. A refused petition's write is one the store itself rejects (an insert of an
 * {@code _id} that exists), so the batch fails by the store's own word; an outage fails while the work is gathered.
 */
@Component
public class BatchRecordingListener {

    public static final String COLLECTION = "batch_received";
    public static final String TAKEN_ID = "taken";
    public static final String ID = "batch-recording";

    private final MongoTemplate mongo;
    private final EventBatches batches;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Set<String> refusedPetitions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> outages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> readOutages = new ConcurrentHashMap<>();
    private final Map<String, String> traces = new ConcurrentHashMap<>();

    BatchRecordingListener(MongoTemplate mongo, EventBatches batches) {
        this.mongo = mongo;
        this.batches = batches;
    }

    @KafkaListener(
            id = ID,
            topics = Topics.ROUTING_CASES,
            groupId = "support-test-batch",
            containerFactory = KafkaEventsAutoConfiguration.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, PetitionEvent>> records) {
        for (ConsumerRecord<String, PetitionEvent> record : records) {
            if (record.value() != null) {
                deliveries
                        .computeIfAbsent(record.value().eventId().toString(), id -> new AtomicInteger())
                        .incrementAndGet();
            }
        }
        batches.writeInBulk(ID, records, Writes::new);
    }

    /** One ordered bulk of upserts by event id; a refused petition's write is an insert the store rejects. */
    private class Writes implements EventBatches.Bulk {

        private final BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);

        /** Where a service reads what its batch needs; an outage here fails the poll before anything is written. */
        @Override
        public void prepare(List<PetitionEvent> events) {
            for (PetitionEvent event : events) {
                AtomicInteger outage = readOutages.get(event.petitionId().toString());
                if (outage != null && outage.getAndDecrement() > 0) {
                    throw new DataAccessResourceFailureException("test store unreadable for " + event.petitionId());
                }
            }
        }

        @Override
        public void add(PetitionEvent event, ConsumerRecord<String, PetitionEvent> from) {
            String current = StoredTrace.current();
            if (current != null) {
                traces.put(event.eventId().toString(), current);
            }
            String petitionId = event.petitionId().toString();
            AtomicInteger outage = outages.get(petitionId);
            if (outage != null && outage.getAndDecrement() > 0) {
                throw new DataAccessResourceFailureException("test store unreachable for petition " + petitionId);
            }
            if (refusedPetitions.contains(petitionId)) {
                writes.insert(new Document("_id", TAKEN_ID));
            } else {
                writes.upsert(
                        query(where("_id").is(event.eventId().toString())), new Update().set("petitionId", petitionId));
            }
        }

        @Override
        public void write() {
            writes.execute();
        }
    }

    /** The trace context the event's work was added in, as an outbox entry it made would store it. */
    public Optional<String> traceOf(String eventId) {
        return Optional.ofNullable(traces.get(eventId));
    }

    /** Whether the event's write is in the store. */
    public boolean stored(String eventId) {
        return mongo.exists(query(where("_id").is(eventId)), COLLECTION);
    }

    /** How often the listener was given this event, failed batches included. */
    public int deliveries(String eventId) {
        AtomicInteger count = deliveries.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** This petition's writes are refused by the store: {@link #TAKEN_ID} must exist. */
    public void refuse(String petitionId) {
        mongo.upsert(query(where("_id").is(TAKEN_ID)), new Update().set("taken", true), COLLECTION);
        refusedPetitions.add(petitionId);
    }

    public void accept(String petitionId) {
        refusedPetitions.remove(petitionId);
    }

    /** The next {@code deliveries} of this petition's events fail the batch as if the store were unreachable. */
    public void storeDownFor(String petitionId, int deliveries) {
        outages.put(petitionId, new AtomicInteger(deliveries));
    }

    /** The same, while the batch reads ahead ({@link EventBatches.Bulk#prepare}). */
    public void storeUnreadableFor(String petitionId, int deliveries) {
        readOutages.put(petitionId, new AtomicInteger(deliveries));
    }
}
