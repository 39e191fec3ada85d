package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A petition passed intake and awaits routing. Carries no personal data of the citizen.
 *
 * @param trackingCode the human code the citizen was given
 * @param portalId the portal (or desk) that submitted it
 * @param receivedAt when the citizen raised it: the legal clock starts here, not at {@code occurredAt}
 * @param triageReason why intake wants an operator to look at it, or null
 * @param citizenRef a pseudonym of the citizen (keyed hash of phone or e-mail), or null; never the contact itself
 * @param relatedTo an earlier petition this one repeats, or null
 * @param details the extra facts the category asks for (e.g. {@code subjectAuthority} for conduct of officials),
 *     by field code; never personal data; empty when none
 * @param historical {@code true} for a petition a portal imports from its records (ADR 0017): raised and dealt
 *     with before it reached gandan, so no clock runs and no one is told of it; absent (null) for a live one
 */
public record PetitionSubmitted(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        String trackingCode,
        String portalId,
        PetitionKind kind,
        String category,
        Channel channel,
        Instant receivedAt,
        Place place,
        String title,
        String description,
        String triageReason,
        String citizenRef,
        RelatedPetition relatedTo,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean historical)
        implements IntakeEvent {

    /**
     * An earlier petition this one repeats: the same citizen, or the same place and category with similar text.
     *
     * @param score similarity from 0 to 1
     */
    public record RelatedPetition(PetitionId petitionId, double score) {}

    /** A live petition. */
    public PetitionSubmitted(
            UUID eventId,
            PetitionId petitionId,
            Instant occurredAt,
            String trackingCode,
            String portalId,
            PetitionKind kind,
            String category,
            Channel channel,
            Instant receivedAt,
            Place place,
            String title,
            String description,
            String triageReason,
            String citizenRef,
            RelatedPetition relatedTo,
            Map<String, String> details) {
        this(
                eventId,
                petitionId,
                occurredAt,
                trackingCode,
                portalId,
                kind,
                category,
                channel,
                receivedAt,
                place,
                title,
                description,
                triageReason,
                citizenRef,
                relatedTo,
                details,
                null);
    }

    /** A petition whose category asks for no extra facts. */
    public PetitionSubmitted(
            UUID eventId,
            PetitionId petitionId,
            Instant occurredAt,
            String trackingCode,
            String portalId,
            PetitionKind kind,
            String category,
            Channel channel,
            Instant receivedAt,
            Place place,
            String title,
            String description,
            String triageReason,
            String citizenRef,
            RelatedPetition relatedTo) {
        this(
                eventId,
                petitionId,
                occurredAt,
                trackingCode,
                portalId,
                kind,
                category,
                channel,
                receivedAt,
                place,
                title,
                description,
                triageReason,
                citizenRef,
                relatedTo,
                Map.of());
    }

    /** A petition with no pseudonymous citizen and no earlier petition it repeats. */
    public PetitionSubmitted(
            UUID eventId,
            PetitionId petitionId,
            Instant occurredAt,
            String trackingCode,
            String portalId,
            PetitionKind kind,
            String category,
            Channel channel,
            Instant receivedAt,
            Place place,
            String title,
            String description,
            String triageReason) {
        this(
                eventId,
                petitionId,
                occurredAt,
                trackingCode,
                portalId,
                kind,
                category,
                channel,
                receivedAt,
                place,
                title,
                description,
                triageReason,
                null,
                null,
                Map.of());
    }

    public PetitionSubmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(trackingCode, "trackingCode");
        Objects.requireNonNull(portalId, "portalId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(title, "title");
        details = details == null ? Map.of() : Map.copyOf(details);
        historical = Boolean.TRUE.equals(historical) ? Boolean.TRUE : null;
    }

    /** Imported from a portal's records, not raised live (ADR 0017). */
    @Override
    public boolean fromHistory() {
        return historical != null;
    }
}
