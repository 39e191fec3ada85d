package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The authority answered the case.
 *
 * @param authority the authority that answered
 * @param response the answer the citizen is told; public, up to 10,000 characters
 */
public record PetitionResolved(
        UUID eventId, PetitionId petitionId, Instant occurredAt, AuthorityRef authority, String response)
        implements RoutingEvent {

    public PetitionResolved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(response, "response");
    }
}
