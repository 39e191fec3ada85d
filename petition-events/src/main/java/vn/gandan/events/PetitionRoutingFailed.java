package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * No rule could place the petition; it waits in its province's triage queue for an operator.
 *
 * @param reason a stable code, e.g. {@code commune_unknown}, {@code no_matching_rule}
 * @param detail a sentence for the operator
 */
public record PetitionRoutingFailed(
        UUID eventId, PetitionId petitionId, Instant occurredAt, Place place, String reason, String detail)
        implements RoutingEvent {

    public PetitionRoutingFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(reason, "reason");
    }
}
