package vn.gandan.support.testapp;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface TestPetitions extends MongoRepository<TestPetition, String> {}
