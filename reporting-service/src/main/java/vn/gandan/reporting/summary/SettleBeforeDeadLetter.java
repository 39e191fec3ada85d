package vn.gandan.reporting.summary;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.reporting.resolution.ResolutionProjector;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.support.kafka.BeforeDeadLetter;

/**
 * Before {@link PetitionEventsListener} gives up on an event, the figures it left pending are settled, while its
 * partition is still held: the buckets' high-water marks must not pass a difference they did not take.
 */
@Component
class SettleBeforeDeadLetter implements BeforeDeadLetter {

    private final ResolutionProjector resolution;
    private final ProjectionVersions versions;

    SettleBeforeDeadLetter(ResolutionProjector resolution, ProjectionVersions versions) {
        this.resolution = resolution;
        this.versions = versions;
    }

    @Override
    public void prepare(ConsumerRecord<?, ?> record, Exception exception) {
        if (record.value() instanceof PetitionEvent event) { // an unreadable record changed nothing
            resolution.settle(event.petitionId(), versions.active());
        }
    }
}
