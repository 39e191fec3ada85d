package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification could not be delivered after its last attempt.
 *
 * @param recipient a reference, never an address
 * @param reason why the last attempt failed
 */
public record NotificationFailed(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        UUID notificationId,
        String purpose,
        String channel,
        String recipient,
        String reason)
        implements NotificationEvent {

    public NotificationFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(reason, "reason");
    }
}
