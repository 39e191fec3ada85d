package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The case was passed to another authority, which starts a new clock; its history is kept.
 *
 * @param from the authority that had the case
 * @param to the authority that has it now
 * @param reason why, a sentence the citizen may be shown
 * @param deadline the first deadline of the new authority's clock
 */
public record PetitionTransferred(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef from,
        AuthorityRef to,
        String reason,
        Deadline deadline)
        implements RoutingEvent {

    public PetitionTransferred {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deadline, "deadline");
    }
}
