package vn.gandan.reporting.summary;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;

@Component
class PetitionEventsListener {

    private final Projector projector;

    PetitionEventsListener(Projector projector) {
        this.projector = projector;
    }

    @KafkaListener(
            topics = {Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES},
            groupId = Topics.REPORTING_GROUP)
    void on(PetitionEvent event) {
        projector.apply(event); // replays are recognised by event id
    }
}
