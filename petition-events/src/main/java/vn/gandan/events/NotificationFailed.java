package vn.gandan.events;

import java.time.Instant;
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
        implements NotificationEvent {}
