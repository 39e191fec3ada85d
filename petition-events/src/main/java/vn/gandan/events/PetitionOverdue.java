package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A deadline of the case passed unmet; emitted once per case and deadline.
 *
 * @param deadline the deadline that passed
 */
public record PetitionOverdue(
        UUID eventId, PetitionId petitionId, Instant occurredAt, AuthorityRef authority, Deadline deadline)
        implements RoutingEvent {

    public PetitionOverdue {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(deadline, "deadline");
    }
}
