package vn.gandan.reporting.summary;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.ResolutionProjector;

@Component
class PetitionEventsListener {

    private final Projector projector;
    private final ResolutionProjector resolution;

    PetitionEventsListener(Projector projector, ResolutionProjector resolution) {
        this.projector = projector;
        this.resolution = resolution;
    }

    @KafkaListener(
            topics = {Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES},
            groupId = Topics.REPORTING_GROUP)
    void on(PetitionEvent event) {
        // One consumer group, one listener: both projections see every event. Replays are recognised by event
        // id in each, so a retry after the first succeeded changes nothing there.
        projector.apply(event);
        resolution.apply(event);
    }
}
