package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * No rule could place the petition; it waits in its province's triage queue for an operator.
 *
 * @param reason a stable code, e.g. {@code commune_unknown}, {@code no_matching_rule}
 * @param detail a sentence for the operator
 * @param historical {@code true} for a petition imported from a portal's records (ADR 0017): kept on the record
 *     without an authority, in no queue, and no one is told; absent (null) for a live one
 */
public record PetitionRoutingFailed(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        Place place,
        String reason,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean historical)
        implements RoutingEvent {

    /** A live petition that waits for an operator. */
    public PetitionRoutingFailed(
            UUID eventId, PetitionId petitionId, Instant occurredAt, Place place, String reason, String detail) {
        this(eventId, petitionId, occurredAt, place, reason, detail, null);
    }

    public PetitionRoutingFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(reason, "reason");
        historical = Boolean.TRUE.equals(historical) ? Boolean.TRUE : null;
    }

    /** Not placed, for a petition imported from a portal's records (ADR 0017). */
    @Override
    public boolean fromHistory() {
        return historical != null;
    }
}
