package vn.gandan.reporting.summary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionEvent;

/** Applies an event to its petition's projection; a conflicting concurrent write is retried by Kafka's handler. */
@Service
public class Projector {

    private final PetitionProjections projections;

    Projector(PetitionProjections projections) {
        this.projections = projections;
    }

    /**
     * @throws OptimisticLockingFailureException if another write won the race; the listener retries it
     */
    public void apply(PetitionEvent event) {
        String id = event.petitionId().toString();
        PetitionProjection projection = projections.findById(id).orElseGet(() -> new PetitionProjection(id));
        if (projection.apply(event)) {
            try {
                projections.save(projection);
            } catch (DuplicateKeyException raced) {
                throw new OptimisticLockingFailureException("projection of " + id + " created concurrently", raced);
            }
        }
    }
}
