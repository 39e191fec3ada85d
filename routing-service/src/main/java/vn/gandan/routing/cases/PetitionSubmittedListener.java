package vn.gandan.routing.cases;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;

@Component
@KafkaListener(topics = Topics.INTAKE_PETITIONS, groupId = Topics.ROUTING_GROUP)
class PetitionSubmittedListener {

    private final PetitionRouting routing;

    PetitionSubmittedListener(PetitionRouting routing) {
        this.routing = routing;
    }

    @KafkaHandler
    void on(PetitionSubmitted event) {
        routing.route(event); // a replay of the same petition changes nothing
    }

    @KafkaHandler(isDefault = true)
    void ignore(PetitionEvent other) {
        // Later intake facts are not routing's business yet.
    }
}
