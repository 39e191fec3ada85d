package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification about a petition was delivered.
 *
 * @param notificationId the delivery's id in notification-service
 * @param purpose why it was sent, e.g. {@code new_case}
 * @param channel e.g. {@code log}, {@code email}
 * @param recipient who it was for, as a reference ({@code authority:ubnd-17605}), never an address
 */
public record NotificationSent(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        UUID notificationId,
        String purpose,
        String channel,
        String recipient)
        implements NotificationEvent {

    public NotificationSent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
    }
}
