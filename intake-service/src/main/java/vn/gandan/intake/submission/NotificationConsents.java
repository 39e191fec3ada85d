package vn.gandan.intake.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.gandan.events.CitizenNotificationsConsented;
import vn.gandan.events.PetitionId;
import vn.gandan.intake.submission.Petition.NotificationConsent;
import vn.gandan.support.web.FieldReason;

/**
 * The citizen's consent to notifications as a portal sends it ({@code citizen.notify}): checked, normalized, and
 * turned into the one event that carries the addresses it allows (docs/adr/0010).
 */
final class NotificationConsents {

    /** Vietnamese unless the portal says otherwise: the language of the administration and of most citizens. */
    static final String DEFAULT_LANGUAGE = "vi";

    private static final String FIELD = "citizen.notify";

    private NotificationConsents() {}

    /**
     * The consent with each channel once, in a stable order, and a language; adds a reason to {@code errors} for
     * each thing wrong with it.
     *
     * @param given the consent as sent, not null
     * @param citizen the citizen as sent (before normalization), whose phone and e-mail the channels need
     */
    static NotificationConsent normalized(
            NotificationConsent given, Petition.Citizen citizen, List<FieldReason> errors) {
        Set<String> asked = new LinkedHashSet<>();
        String unknown = null;
        for (String channel : given.channels()) {
            String code = channel == null ? "" : channel.strip();
            if (NotificationConsent.CHANNELS.contains(code)) {
                asked.add(code);
            } else if (unknown == null) {
                unknown = code;
            }
        }
        if (unknown != null) {
            // The first unknown one only, and shortened: the answer repeats what the caller sent.
            errors.add(FieldReason.of(
                    FIELD + ".channels",
                    "gandan.intake.notify.channel.unknown",
                    shortened(unknown),
                    String.join(", ", NotificationConsent.CHANNELS)));
        }
        if (given.channels().isEmpty()) {
            errors.add(FieldReason.of(FIELD + ".channels", "gandan.intake.notify.channels.empty"));
        }
        String language =
                given.language() == null ? DEFAULT_LANGUAGE : given.language().strip();
        if (!CitizenNotificationsConsented.LANGUAGES.contains(language)) {
            errors.add(
                    FieldReason.of(FIELD + ".language", "gandan.intake.notify.language.unknown", shortened(language)));
        }
        List<String> ordered = new ArrayList<>(NotificationConsent.CHANNELS);
        ordered.retainAll(asked);
        // A malformed phone or e-mail is reported on its own field already; only a missing one is reported here.
        List<String> byPhone = ordered.stream()
                .filter(channel -> !channel.equals(NotificationConsent.EMAIL))
                .toList();
        if (!byPhone.isEmpty() && isBlank(citizen.phone())) {
            errors.add(
                    FieldReason.of("citizen.phone", "gandan.intake.notify.phone-needed", String.join(", ", byPhone)));
        }
        if (ordered.contains(NotificationConsent.EMAIL) && isBlank(citizen.email())) {
            errors.add(FieldReason.of("citizen.email", "gandan.intake.notify.email-needed"));
        }
        return new NotificationConsent(ordered, language, null, null);
    }

    /** The citizen as the petition keeps it: with the moment the consent was given, if there is one. */
    static Petition.Citizen given(Petition.Citizen citizen, Instant at) {
        if (citizen == null || citizen.consent() == null) {
            return citizen;
        }
        NotificationConsent consent = citizen.consent();
        return citizen.withConsent(new NotificationConsent(consent.channels(), consent.language(), at, null));
    }

    /**
     * The consent with the addresses of the channels the citizen chose, and only those; empty without consent.
     *
     * @param citizen normalized: the phone in E.164
     */
    static Optional<CitizenNotificationsConsented> event(
            PetitionId petitionId, String trackingCode, Petition.Citizen citizen, Instant at) {
        NotificationConsent consent = citizen == null ? null : citizen.consent();
        if (consent == null || consent.isWithdrawn()) {
            return Optional.empty();
        }
        List<String> channels = consent.channels();
        return Optional.of(new CitizenNotificationsConsented(
                UUID.randomUUID(),
                petitionId,
                at,
                trackingCode,
                consent.language(),
                channels.contains(NotificationConsent.EMAIL) ? citizen.email() : null,
                channels.contains(NotificationConsent.SMS) ? citizen.phone() : null,
                channels.contains(NotificationConsent.ZALO) ? citizen.phone() : null));
    }

    private static String shortened(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
