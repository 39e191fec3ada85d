package vn.gandan.reporting.summary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionEvent;
import vn.gandan.reporting.version.ProjectionVersion;

/** Applies an event to its petition's projection; a conflicting concurrent write is retried by Kafka's handler. */
@Service
public class Projector {

    private final MongoTemplate mongo;

    Projector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param version the live listener's active version, or the one a rebuild builds
     * @throws OptimisticLockingFailureException if another write won the race; the listener retries it
     */
    public void apply(PetitionEvent event, ProjectionVersion version) {
        String id = event.petitionId().toString();
        String collection = version.collection(PetitionProjection.COLLECTION);
        PetitionProjection projection = mongo.findById(id, PetitionProjection.class, collection);
        if (projection == null) {
            projection = new PetitionProjection(id);
        }
        if (projection.apply(event)) {
            try {
                mongo.save(projection, collection);
            } catch (DuplicateKeyException raced) {
                throw new OptimisticLockingFailureException("projection of " + id + " created concurrently", raced);
            }
        }
    }
}
