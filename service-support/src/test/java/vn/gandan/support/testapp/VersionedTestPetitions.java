package vn.gandan.support.testapp;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface VersionedTestPetitions extends MongoRepository<VersionedTestPetition, String> {}
