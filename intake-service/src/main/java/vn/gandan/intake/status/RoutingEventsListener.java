package vn.gandan.intake.status;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.Topics;
import vn.gandan.intake.submission.Petition;
import vn.gandan.intake.submission.PetitionStatus;
import vn.gandan.support.kafka.EventBatches;
import vn.gandan.support.kafka.KafkaEventsAutoConfiguration;

/**
 * Keeps the portal-facing status in step with routing, a poll's worth in one ordered bulk write: the status was one
 * store write per petition, and nobody waits on it the way a responder waits on a new case, so this consumer
 * lets the broker gather up to a quarter of a second of records per fetch, on one consumer for all partitions.
 * Setting the same status twice changes nothing, so a batch given again is harmless.
 */
@Component
class RoutingEventsListener {

    static final String ID = "intake-routing-status";

    private final MongoTemplate mongo;
    private final EventBatches batches;

    RoutingEventsListener(MongoTemplate mongo, EventBatches batches) {
        this.mongo = mongo;
        this.batches = batches;
    }

    @KafkaListener(
            id = ID,
            topics = Topics.ROUTING_CASES,
            groupId = Topics.INTAKE_GROUP,
            containerFactory = KafkaEventsAutoConfiguration.BATCH_LISTENERS,
            concurrency = "1",
            properties = {KafkaEventsAutoConfiguration.GATHERED_FETCHES, "fetch.max.wait.ms=250"})
    void on(List<ConsumerRecord<String, PetitionEvent>> records) {
        batches.writeInBulk(ID, records, StatusUpdates::new);
    }

    /** One ordered bulk of status updates, so that a later event of a petition in the same poll wins. */
    private class StatusUpdates implements EventBatches.Bulk {

        private final BulkOperations updates = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Petition.class);
        private boolean empty = true;

        @Override
        public void add(PetitionEvent event, ConsumerRecord<String, PetitionEvent> from) {
            Update status = statusAfter(event);
            if (status != null) {
                updates.updateOne(query(where("_id").is(event.petitionId().toString())), status);
                empty = false;
            }
        }

        @Override
        public void write() {
            if (!empty) {
                updates.execute();
            }
        }
    }

    /** What the event changes in what a portal sees; null for routing facts that change nothing there yet. */
    static Update statusAfter(PetitionEvent event) {
        if (event instanceof PetitionRouted routed) {
            return new Update()
                    .set("status", routed.fromHistory() ? PetitionStatus.ARCHIVED : PetitionStatus.ROUTED)
                    .set("authorityName", routed.authority().name());
        }
        if (event instanceof PetitionRoutingFailed failed) {
            // A historical petition the rules cannot place is kept on the record, in no queue (ADR 0017).
            return new Update().set("status", failed.fromHistory() ? PetitionStatus.ARCHIVED : PetitionStatus.TRIAGE);
        }
        return null;
    }
}
