package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The case's clock stopped, e.g. while the authority waits for the citizen.
 *
 * @param reason why, a sentence the citizen may be shown
 */
public record PetitionClockPaused(
        UUID eventId, PetitionId petitionId, Instant occurredAt, AuthorityRef authority, String reason)
        implements RoutingEvent {

    public PetitionClockPaused {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(reason, "reason");
    }
}
