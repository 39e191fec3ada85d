package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The authority declined to handle the case.
 *
 * @param reason an open code: {@code not_competent}, {@code not_accepted}, {@code withdrawn}, {@code duplicate}
 * @param explanation what the citizen is told; public, up to 10,000 characters
 */
public record PetitionRejected(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        String reason,
        String explanation)
        implements RoutingEvent {

    public static final String NOT_COMPETENT = "not_competent";
    public static final String NOT_ACCEPTED = "not_accepted";
    public static final String WITHDRAWN = "withdrawn";
    public static final String DUPLICATE = "duplicate";

    public PetitionRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }
}
