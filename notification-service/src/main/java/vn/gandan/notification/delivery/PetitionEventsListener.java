package vn.gandan.notification.delivery;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.CitizenNotificationsConsented;
import vn.gandan.events.CitizenNotificationsWithdrawn;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.RoutingEvent;
import vn.gandan.events.Topics;

/**
 * Routing's events become recorded deliveries; intake's submissions give the facts messages quote. Thin and
 * idempotent: a replayed event finds its deliveries already recorded.
 */
@Component
@KafkaListener(
        topics = {Topics.ROUTING_CASES, Topics.INTAKE_PETITIONS, Topics.INTAKE_CONTACTS},
        groupId = Topics.NOTIFICATION_GROUP)
class PetitionEventsListener {

    private final NotificationPlanner planner;
    private final DeliveryRecorder recorder;
    private final DeliveryDispatcher dispatcher;
    private final PetitionFactsStore facts;
    private final CitizenConsents consents;

    PetitionEventsListener(
            NotificationPlanner planner,
            DeliveryRecorder recorder,
            DeliveryDispatcher dispatcher,
            PetitionFactsStore facts,
            CitizenConsents consents) {
        this.planner = planner;
        this.recorder = recorder;
        this.dispatcher = dispatcher;
        this.facts = facts;
        this.consents = consents;
    }

    @KafkaHandler
    void on(CitizenNotificationsConsented consent) {
        consents.given(consent);
    }

    @KafkaHandler
    void on(CitizenNotificationsWithdrawn withdrawal) {
        consents.withdrawn(withdrawal);
    }

    @KafkaHandler
    void on(PetitionSubmitted submitted) {
        if (submitted.fromHistory()) {
            // ADR 0017: nothing is ever sent about an imported petition (intake publishes no consent for it, routing
            // only a historical decision, which plans nothing), so nothing would ever quote these facts.
            return;
        }
        facts.save(new PetitionFacts(
                submitted.petitionId().toString(),
                submitted.trackingCode(),
                submitted.title(),
                submitted.place().provinceCode()));
    }

    @KafkaHandler
    void on(RoutingEvent event) {
        if (recorder.record(planner.plan(event)) > 0) {
            dispatcher.wakeUp();
        }
    }

    @KafkaHandler(isDefault = true)
    void ignore(PetitionEvent other) {
        // Other intake facts say nothing anyone must hear of.
    }
}
