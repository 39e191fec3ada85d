package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A closed case was opened again, e.g. on a second-level complaint.
 *
 * @param authority the authority that handles it now (for a second-level complaint, the second level)
 * @param reason why, a sentence the citizen may be shown
 * @param deadline the first deadline of the new clock
 */
public record PetitionReopened(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        String reason,
        Deadline deadline)
        implements RoutingEvent {

    public PetitionReopened {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(deadline, "deadline");
    }
}
