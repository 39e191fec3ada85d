package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An overdue case was escalated to the parent authority, as policy says; emitted once per case and deadline.
 *
 * @param from the authority that missed the deadline
 * @param to the parent authority it was escalated to
 * @param deadline what the parent authority must now meet
 * @param reason why, a sentence the citizen may be shown
 */
public record PetitionEscalated(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef from,
        AuthorityRef to,
        Deadline deadline,
        String reason)
        implements RoutingEvent {

    public PetitionEscalated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(reason, "reason");
    }
}
