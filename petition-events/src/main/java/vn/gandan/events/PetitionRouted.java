package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 *     set none (events from before routing ran clocks, and historical petitions)
 * @param historical {@code true} when the petition was imported from a portal's records (ADR 0017): the authority
 *     answers for it on the record, but owes nothing now, and no one is told; absent (null) for a live one
 */
public record PetitionRouted(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        Place place,
        String ruleId,
        int ruleVersion,
        Deadline deadline,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean historical)
        implements RoutingEvent {

    /** A live petition's routing decision. */
    public PetitionRouted(
            UUID eventId,
            PetitionId petitionId,
            Instant occurredAt,
            AuthorityRef authority,
            Place place,
            String ruleId,
            int ruleVersion,
            Deadline deadline) {
        this(eventId, petitionId, occurredAt, authority, place, ruleId, ruleVersion, deadline, null);
    }

    /** A routing decision without a deadline. */
    public PetitionRouted(
            UUID eventId,
            PetitionId petitionId,
            Instant occurredAt,
            AuthorityRef authority,
            Place place,
            String ruleId,
            int ruleVersion) {
        this(eventId, petitionId, occurredAt, authority, place, ruleId, ruleVersion, null, null);
    }

    public PetitionRouted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(ruleId, "ruleId");
        historical = Boolean.TRUE.equals(historical) ? Boolean.TRUE : null;
    }

    /** Routed on the record only, for a petition imported from a portal's records (ADR 0017). */
    @Override
    public boolean fromHistory() {
        return historical != null;
    }
}
