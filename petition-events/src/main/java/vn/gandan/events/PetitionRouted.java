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
 */
public record PetitionRouted(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        Place place,
        String ruleId,
        int ruleVersion)
        implements RoutingEvent {

    public PetitionRouted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(ruleId, "ruleId");
    }
}
