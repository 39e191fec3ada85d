package vn.gandan.routing.cases;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.kafka.EventBatches;
import vn.gandan.support.kafka.KafkaEventsAutoConfiguration;

/** Routes intake's submissions a poll at a time, so that their cases and timers are written in bulk. */
@Component
class PetitionSubmittedListener {

    static final String ID = "routing-petition-submissions";

    private final PetitionRouting routing;

    PetitionSubmittedListener(PetitionRouting routing) {
        this.routing = routing;
    }

    @KafkaListener(
            id = ID,
            topics = Topics.INTAKE_PETITIONS,
            groupId = Topics.ROUTING_GROUP,
            containerFactory = KafkaEventsAutoConfiguration.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, PetitionEvent>> records) {
        EventBatches.writeInBulk(records, Submissions::new);
    }

    /** A poll's submissions; later intake facts are not routing's business yet. */
    private class Submissions implements EventBatches.Bulk {

        private final List<PetitionSubmitted> submitted = new ArrayList<>();

        @Override
        public void add(PetitionEvent event) {
            if (event instanceof PetitionSubmitted s) {
                submitted.add(s);
            }
        }

        @Override
        public void write() {
            if (!submitted.isEmpty()) {
                routing.routeAll(submitted); // a replay of the same petition changes nothing
                submitted.clear();
            }
        }
    }
}
