package vn.gandan.notification.nudge;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.Topics;

@Component
@KafkaListener(topics = Topics.ROUTING_CASES, groupId = Topics.NOTIFICATION_GROUP)
class PetitionRoutedListener {

    private final ResponderNudges nudges;

    PetitionRoutedListener(ResponderNudges nudges) {
        this.nudges = nudges;
    }

    @KafkaHandler
    void on(PetitionRouted event) {
        nudges.newCase(event);
    }

    @KafkaHandler(isDefault = true)
    void ignore(PetitionEvent other) {
        // Triage cases wait for an operator; nudges for them come with the notification issue.
    }
}
