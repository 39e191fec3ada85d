package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The authority accepted the case as its own; the clock now runs to the next deadline.
 *
 * @param authority the authority that accepted it
 * @param deadline the next deadline it must meet, usually {@code resolution}
 */
public record PetitionAcknowledged(
        UUID eventId, PetitionId petitionId, Instant occurredAt, AuthorityRef authority, Deadline deadline)
        implements RoutingEvent {

    public PetitionAcknowledged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(deadline, "deadline");
    }
}
