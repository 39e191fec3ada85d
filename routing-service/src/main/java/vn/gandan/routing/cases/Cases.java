package vn.gandan.routing.cases;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Cases extends MongoRepository<Case, String> {}
