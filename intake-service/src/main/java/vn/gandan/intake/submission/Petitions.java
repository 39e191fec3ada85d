package vn.gandan.intake.submission;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Petitions extends MongoRepository<Petition, String> {

    Optional<Petition> findByPortalKey(String portalKey);

    Optional<Petition> findByIdempotencyKey(String idempotencyKey);
}
