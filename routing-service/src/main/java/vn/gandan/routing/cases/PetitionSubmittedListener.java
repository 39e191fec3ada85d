package vn.gandan.routing.cases;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.kafka.EventBatches;
import vn.gandan.support.kafka.KafkaEventsAutoConfiguration;

/**
 * Routes intake's submissions a poll at a time, so that their cases and timers are written in bulk. A fetch waits
 * up to 50 ms for more records when few come (ADR 0018): the responder's new case is late by that much at most.
 */
@Component
class PetitionSubmittedListener {

    static final String ID = "routing-petition-submissions";

    private final PetitionRouting routing;
    private final EventBatches batches;

    PetitionSubmittedListener(PetitionRouting routing, EventBatches batches) {
        this.routing = routing;
        this.batches = batches;
    }

    @KafkaListener(
            id = ID,
            topics = Topics.INTAKE_PETITIONS,
            groupId = Topics.ROUTING_GROUP,
            containerFactory = KafkaEventsAutoConfiguration.BATCH_LISTENERS,
            properties = {KafkaEventsAutoConfiguration.GATHERED_FETCHES, "fetch.max.wait.ms=50"})
    void on(List<ConsumerRecord<String, PetitionEvent>> records) {
        batches.writeInBulk(ID, records, Submissions::new);
    }

    /** A poll's submissions; later intake facts are not routing's business yet. */
    private class Submissions implements EventBatches.Bulk {

        private final PetitionRouting.Batch batch = routing.batch();

        @Override
        public void add(PetitionEvent event, ConsumerRecord<String, PetitionEvent> from) {
            if (event instanceof PetitionSubmitted submitted) {
                batch.add(submitted); // a replay of the same petition changes nothing
            }
        }

        @Override
        public void write() {
            batch.write();
        }
    }
}
