package vn.gandan.notification.delivery;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PetitionFactsStore extends MongoRepository<PetitionFacts, String> {}
