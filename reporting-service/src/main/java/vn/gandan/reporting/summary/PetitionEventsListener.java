package vn.gandan.reporting.summary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.Position;
import vn.gandan.reporting.resolution.ResolutionProjector;
import vn.gandan.reporting.version.ProjectionVersions;

@Component
class PetitionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PetitionEventsListener.class);

    private final ResolutionProjector resolution;
    private final ProjectionVersions versions;
    private final ProjectionLag lag;

    PetitionEventsListener(ResolutionProjector resolution, ProjectionVersions versions, ProjectionLag lag) {
        this.resolution = resolution;
        this.versions = versions;
        this.lag = lag;
    }

    @KafkaListener(
            topics = {Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES},
            groupId = Topics.REPORTING_GROUP)
    void on(
            PetitionEvent event,
            @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
            @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
            @Header(KafkaHeaders.OFFSET) long offset) {
        // Replays are recognised by event id in the petition's timeline, so a retry after the first succeeded
        // changes nothing there.
        // The active version is read per event: after a switch the next event goes to the new version, and an
        // event applied to the old one just before is replayed into the new one by the rebuild's catch-up.
        var version = versions.active();
        resolution.apply(event, version, new Position(Position.LIVE, topic, partition, offset));
        lag.applied(topic, event.occurredAt());
        // Ids only, never the event's contents (citizens' personal data).
        log.debug("Projected {} {} of petition {}", event.type().typeName(), event.eventId(), event.petitionId());
    }
}
