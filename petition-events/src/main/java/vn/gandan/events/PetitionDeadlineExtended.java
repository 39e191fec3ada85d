package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The authority extended a deadline of the case, as its policy allows.
 *
 * @param previous the deadline before the extension
 * @param deadline the deadline now, of the same step
 * @param reason why, a sentence the citizen may be shown
 */
public record PetitionDeadlineExtended(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        Deadline previous,
        Deadline deadline,
        String reason)
        implements RoutingEvent {

    public PetitionDeadlineExtended {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(reason, "reason");
    }
}
