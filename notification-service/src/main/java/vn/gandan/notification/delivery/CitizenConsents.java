package vn.gandan.notification.delivery;

import org.springframework.stereotype.Component;
import vn.gandan.events.CitizenNotificationsConsented;
import vn.gandan.events.CitizenNotificationsWithdrawn;

/**
 * A citizen's consent to be told about their petition: kept with its addresses while it stands (the first message
 * says the petition was received, with its tracking code); on withdrawal the addresses are deleted and whatever
 * was still to go to the citizen is cancelled, so nothing more reaches them.
 */
@Component
class CitizenConsents {

    private final CitizenContactsStore contacts;
    private final PetitionFactsStore facts;
    private final NotificationPlanner planner;
    private final DeliveryRecorder recorder;
    private final DeliveryDispatcher dispatcher;
    private final Deliveries deliveries;

    CitizenConsents(
            CitizenContactsStore contacts,
            PetitionFactsStore facts,
            NotificationPlanner planner,
            DeliveryRecorder recorder,
            DeliveryDispatcher dispatcher,
            Deliveries deliveries) {
        this.contacts = contacts;
        this.facts = facts;
        this.planner = planner;
        this.recorder = recorder;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
    }

    void given(CitizenNotificationsConsented consent) {
        String petitionId = consent.petitionId().toString();
        contacts.save(CitizenContacts.of(consent));
        String province =
                facts.findById(petitionId).map(PetitionFacts::provinceCode).orElse(null);
        if (recorder.record(planner.plan(consent, province)) > 0) {
            dispatcher.wakeUp();
        }
    }

    void withdrawn(CitizenNotificationsWithdrawn withdrawal) {
        String petitionId = withdrawal.petitionId().toString();
        contacts.deleteById(petitionId);
        for (Delivery pending : deliveries.findByPetitionIdOrderByCreatedAt(petitionId)) {
            if (NotificationPlanner.CITIZEN.equals(pending.getAudience())
                    && Delivery.PENDING.equals(pending.getStatus())) {
                pending.cancelled("consent_withdrawn");
                deliveries.save(pending);
            }
        }
    }
}
