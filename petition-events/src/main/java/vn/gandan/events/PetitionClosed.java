package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The case was closed after it was resolved or rejected; no clock runs.
 *
 * @param authority the authority that had the case last
 */
public record PetitionClosed(UUID eventId, PetitionId petitionId, Instant occurredAt, AuthorityRef authority)
        implements RoutingEvent {

    public PetitionClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
    }
}
