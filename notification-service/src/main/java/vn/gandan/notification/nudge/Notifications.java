package vn.gandan.notification.nudge;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Notifications extends MongoRepository<Notification, String> {

    List<Notification> findByPetitionIdOrderByCreatedAt(String petitionId);
}
