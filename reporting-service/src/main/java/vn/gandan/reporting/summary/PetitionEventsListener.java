package vn.gandan.reporting.summary;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.Position;
import vn.gandan.reporting.resolution.ResolutionProjector;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.support.kafka.EventBatches;
import vn.gandan.support.kafka.KafkaEventsAutoConfiguration;

/**
 * Projects the pipeline's events a poll at a time, so that a poll's timelines, buckets and open cases cost one
 * write each ({@link ResolutionProjector.Batch}); a fetch waits up to half a second for more records when few come
 * (ADR 0018), since figures a second old serve an analyst as well.
 */
@Component
class PetitionEventsListener {

    static final String ID = "reporting-petition-events";

    private static final Logger log = LoggerFactory.getLogger(PetitionEventsListener.class);

    private final ResolutionProjector resolution;
    private final ProjectionVersions versions;
    private final ProjectionLag lag;
    private final EventBatches batches;

    PetitionEventsListener(
            ResolutionProjector resolution, ProjectionVersions versions, ProjectionLag lag, EventBatches batches) {
        this.resolution = resolution;
        this.versions = versions;
        this.lag = lag;
        this.batches = batches;
    }

    @KafkaListener(
            id = ID,
            topics = {Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES},
            groupId = Topics.REPORTING_GROUP,
            containerFactory = KafkaEventsAutoConfiguration.BATCH_LISTENERS,
            properties = {KafkaEventsAutoConfiguration.GATHERED_FETCHES, "fetch.max.wait.ms=500"})
    void on(List<ConsumerRecord<String, PetitionEvent>> records) {
        batches.writeInBulk(ID, records, Poll::new);
    }

    /**
     * One poll, written to the version active when it began: after a switch the next poll goes to the new version,
     * and what this one applied to the old one is replayed into the new one by the rebuild's catch-up.
     */
    private class Poll implements EventBatches.Bulk {

        private final ResolutionProjector.Batch batch = resolution.batch(versions.active());

        @Override
        public void prepare(List<PetitionEvent> events) {
            batch.readAhead(events.stream().map(PetitionEvent::petitionId).toList());
        }

        @Override
        public void add(PetitionEvent event, ConsumerRecord<String, PetitionEvent> from) {
            // Replays are recognised by event id in the petition's timeline, so a retry after the first succeeded
            // changes nothing there.
            batch.add(event, new Position(Position.LIVE, from.topic(), from.partition(), from.offset()));
            lag.applied(from.topic(), event.occurredAt());
            // Ids only, never the event's contents (citizens' personal data).
            log.debug("Projected {} {} of petition {}", event.type().typeName(), event.eventId(), event.petitionId());
        }

        @Override
        public void write() {
            batch.write();
        }
    }
}
