package vn.gandan.notification.delivery;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CitizenContactsStore extends MongoRepository<CitizenContacts, String> {}
