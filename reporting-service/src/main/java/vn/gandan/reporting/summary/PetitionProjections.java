package vn.gandan.reporting.summary;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PetitionProjections extends MongoRepository<PetitionProjection, String> {}
