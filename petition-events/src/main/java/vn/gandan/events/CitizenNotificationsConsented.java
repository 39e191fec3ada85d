package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The citizen agreed to be told about their petition, at these addresses. The only event that carries personal
 * data, which is why it travels on {@link Topics#INTAKE_CONTACTS} alone (docs/adr/0010): the addresses are
 * exactly what notification-service needs to reach the citizen, and nothing more (no name, no identity number).
 * {@link #toString()} leaves the addresses out, so an error handler that logs the record cannot leak them.
 *
 * @param trackingCode the code the citizen was given, to quote in what they are sent
 * @param language what the citizen reads: {@code vi} or {@code en}
 * @param email the e-mail address to write to, or null if the citizen did not ask for e-mail
 * @param sms the phone (E.164) to text, or null
 * @param zalo the phone (E.164) of the citizen's Zalo account, or null; at least one of the three is given
 */
public record CitizenNotificationsConsented(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        String trackingCode,
        String language,
        String email,
        String sms,
        String zalo)
        implements IntakeEvent {

    /** The languages a citizen may be written to in; a closed set (ADR 0002): another one is a new type. */
    public static final Set<String> LANGUAGES = Set.of("vi", "en");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public CitizenNotificationsConsented {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(trackingCode, "trackingCode");
        Objects.requireNonNull(language, "language");
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown language: " + language);
        }
        if (email == null && sms == null && zalo == null) {
            throw new IllegalArgumentException("a consent needs at least one of email, sms, zalo");
        }
        if ((sms != null && !E164.matcher(sms).matches())
                || (zalo != null && !E164.matcher(zalo).matches())) {
            // The value is not repeated: it is personal data, and messages end up in logs.
            throw new IllegalArgumentException("sms and zalo must be E.164 phone numbers");
        }
    }

    /** Names the channels given, never their addresses. */
    @Override
    public String toString() {
        return "CitizenNotificationsConsented[eventId=" + eventId + ", petitionId=" + petitionId + ", occurredAt="
                + occurredAt + ", trackingCode=" + trackingCode + ", language=" + language + ", email="
                + given(email) + ", sms=" + given(sms) + ", zalo=" + given(zalo) + "]";
    }

    private static String given(String address) {
        return address == null ? "none" : "<given>";
    }
}
