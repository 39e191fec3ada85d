package vn.gandan.notification.delivery;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.CitizenNotificationsConsented;

/**
 * Where a citizen agreed to be told about one petition (docs/adr/0010): kept only while the consent stands, deleted
 * when it is withdrawn. Personal data: never logged, never shown.
 */
@Document("citizen_contacts")
record CitizenContacts(@Id String petitionId, String language, String email, String sms, String zalo) {

    static CitizenContacts of(CitizenNotificationsConsented consent) {
        return new CitizenContacts(
                consent.petitionId().toString(), consent.language(), consent.email(), consent.sms(), consent.zalo());
    }

    /** The address the citizen gave for a channel, if they agreed to be reached on it. */
    Optional<String> on(String channel) {
        return Optional.ofNullable(
                switch (channel) {
                    case "email" -> email;
                    case "sms" -> sms;
                    case "zalo" -> zalo;
                    default -> null;
                });
    }

    @Override
    public String toString() {
        return "CitizenContacts[" + petitionId + ", " + language + "]";
    }
}
