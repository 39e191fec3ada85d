package vn.gandan.intake.submission;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;
import vn.gandan.support.security.Caller;

public interface Petitions extends MongoRepository<Petition, String> {

    /** The petition if the caller may see it: its own province's, or any for a national admin. */
    default Optional<Petition> findVisible(String id, Caller caller) {
        return findById(id).filter(p -> caller.mayAccessProvince(p.getLocation().provinceCode()));
    }

    /** By {@code portalKey}, {@code $in}: one lookup for a batch, on the unique index. */
    List<Petition> findByPortalKeyIn(Collection<String> portalKeys);

    List<Petition> findByIdempotencyKeyIn(Collection<String> idempotencyKeys);
}
