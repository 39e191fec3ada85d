package vn.gandan.reporting.summary;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.ResolutionProjector;
import vn.gandan.reporting.version.ProjectionVersions;

@Component
class PetitionEventsListener {

    private final Projector projector;
    private final ResolutionProjector resolution;
    private final ProjectionVersions versions;

    PetitionEventsListener(Projector projector, ResolutionProjector resolution, ProjectionVersions versions) {
        this.projector = projector;
        this.resolution = resolution;
        this.versions = versions;
    }

    @KafkaListener(
            topics = {Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES},
            groupId = Topics.REPORTING_GROUP)
    void on(PetitionEvent event) {
        // One consumer group, one listener: both projections see every event. Replays are recognised by event
        // id in each, so a retry after the first succeeded changes nothing there.
        // The active version is read per event: after a switch the next event goes to the new version, and an
        // event applied to the old one just before is replayed into the new one by the rebuild's catch-up.
        var version = versions.active();
        projector.apply(event, version);
        resolution.apply(event, version);
    }
}
