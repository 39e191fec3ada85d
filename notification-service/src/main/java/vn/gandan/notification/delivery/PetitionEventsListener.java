package vn.gandan.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.CitizenNotificationsConsented;
import vn.gandan.events.CitizenNotificationsWithdrawn;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.RoutingEvent;
import vn.gandan.events.Topics;
import vn.gandan.support.kafka.EventBatches;
import vn.gandan.support.kafka.KafkaEventsAutoConfiguration;

/**
 * Routing's events become recorded deliveries; intake's submissions give the facts messages quote. A poll at a
 * time: its facts in one bulk write, its deliveries recorded together (ADR 0011), so that under load the writes per
 * petition fall; a fetch waits up to 100 ms for more records when few come (ADR 0018). Idempotent: a replayed event
 * finds its deliveries already recorded and rewrites the same facts.
 */
@Component
class PetitionEventsListener {

    static final String ID = "notification-petition-events";

    private final NotificationPlanner planner;
    private final DeliveryRecorder recorder;
    private final DeliveryDispatcher dispatcher;
    private final MongoTemplate mongo;
    private final CitizenConsents consents;
    private final EventBatches batches;

    PetitionEventsListener(
            NotificationPlanner planner,
            DeliveryRecorder recorder,
            DeliveryDispatcher dispatcher,
            MongoTemplate mongo,
            CitizenConsents consents,
            EventBatches batches) {
        this.planner = planner;
        this.recorder = recorder;
        this.dispatcher = dispatcher;
        this.mongo = mongo;
        this.consents = consents;
        this.batches = batches;
    }

    @KafkaListener(
            id = ID,
            topics = {Topics.ROUTING_CASES, Topics.INTAKE_PETITIONS, Topics.INTAKE_CONTACTS},
            groupId = Topics.NOTIFICATION_GROUP,
            containerFactory = KafkaEventsAutoConfiguration.BATCH_LISTENERS,
            properties = {KafkaEventsAutoConfiguration.GATHERED_FETCHES, "fetch.max.wait.ms=100"})
    void on(List<ConsumerRecord<String, PetitionEvent>> records) {
        batches.writeInBulk(ID, records, Poll::new);
    }

    /** What a poll's events ask of the store, gathered. */
    private class Poll implements EventBatches.Bulk {

        private final List<PetitionFacts> facts = new ArrayList<>();
        private final DeliveryRecorder.Recording deliveries = recorder.recording();

        @Override
        public void add(PetitionEvent event, ConsumerRecord<String, PetitionEvent> from) {
            if (event instanceof PetitionSubmitted submitted) {
                // ADR 0017: nothing is ever sent about an imported petition (intake publishes no consent for it,
                // routing only a historical decision, which plans nothing), so nothing would ever quote these facts.
                if (!submitted.fromHistory()) {
                    facts.add(new PetitionFacts(
                            submitted.petitionId().toString(),
                            submitted.trackingCode(),
                            submitted.title(),
                            submitted.place().provinceCode()));
                }
            } else if (event instanceof RoutingEvent routing) {
                // Planned and made now, in the event's trace: the plan reads the contacts a consent earlier in the
                // poll saved.
                deliveries.add(planner.plan(routing));
            } else if (event instanceof CitizenNotificationsConsented consent) {
                // In order with what came before it: it reads the facts, and a withdrawal must find the
                // deliveries planned before it to cancel them.
                write();
                consents.given(consent);
            } else if (event instanceof CitizenNotificationsWithdrawn withdrawal) {
                write();
                consents.withdrawn(withdrawal);
            }
            // Other intake facts say nothing anyone must hear of.
        }

        /** The facts before the deliveries that quote them; then what was written is forgotten. */
        @Override
        public void write() {
            if (!facts.isEmpty()) {
                BulkOperations saves = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PetitionFacts.class);
                for (PetitionFacts fact : facts) {
                    saves.replaceOne(
                            query(where("_id").is(fact.petitionId())),
                            fact,
                            FindAndReplaceOptions.options().upsert());
                }
                saves.execute();
                facts.clear();
            }
            if (deliveries.write() > 0) {
                dispatcher.wakeUp();
            }
        }
    }
}
