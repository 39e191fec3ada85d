package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A petition was assigned to the authority that must answer it.
 *
 * @param place the place the decision was made for
 * @param ruleId the routing rule that decided, for the explanation
 * @param ruleVersion that rule's version
 * @param deadline the first deadline the authority must meet (usually {@code acceptance}), or null when routing
 *     set none (events from before routing ran clocks)
 */
public record PetitionRouted(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        Place place,
        String ruleId,
        int ruleVersion,
        Deadline deadline)
        implements RoutingEvent {

    /** A routing decision without a deadline. */
    public PetitionRouted(
            UUID eventId,
            PetitionId petitionId,
            Instant occurredAt,
            AuthorityRef authority,
            Place place,
            String ruleId,
            int ruleVersion) {
        this(eventId, petitionId, occurredAt, authority, place, ruleId, ruleVersion, null);
    }

    public PetitionRouted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(ruleId, "ruleId");
    }
}
