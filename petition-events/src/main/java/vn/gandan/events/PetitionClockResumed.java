package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The case's clock runs again after a pause.
 *
 * @param deadline the current deadline, moved by the time the clock stood still
 */
public record PetitionClockResumed(
        UUID eventId, PetitionId petitionId, Instant occurredAt, AuthorityRef authority, Deadline deadline)
        implements RoutingEvent {

    public PetitionClockResumed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(deadline, "deadline");
    }
}
