package vn.gandan.notification.delivery;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Deliveries extends MongoRepository<Delivery, String> {

    List<Delivery> findByPetitionIdOrderByCreatedAt(String petitionId);

    List<Delivery> findByStatusAndProvinceCodeOrderByCreatedAtDesc(String status, String provinceCode, Pageable page);

    List<Delivery> findByStatusOrderByCreatedAtDesc(String status, Pageable page);

    List<Delivery> findByProvinceCodeAndChannelAndCreatedAtGreaterThanEqualOrderByCreatedAt(
            String provinceCode, String channel, java.time.Instant since);
}
