package vn.gandan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a petition. Every event is keyed by its petition id, so one petition's story
 * stays ordered on each topic. Each producing service has its own sealed branch.
 */
public sealed interface PetitionEvent permits IntakeEvent, RoutingEvent, NotificationEvent {

    /** Unique per event; consumers deduplicate on it. */
    UUID eventId();

    PetitionId petitionId();

    /** When the fact happened in the producing service. */
    Instant occurredAt();

    default EventType type() {
        return EventType.of(getClass());
    }

    /**
     * Whether the event is about a petition a portal imported from its records (ADR 0017); only the submission and
     * routing's decision say so, and every other event is of a live petition.
     */
    default boolean fromHistory() {
        return false;
    }

    /** The major version of this event's schema; it is also part of the CloudEvents type name. */
    default int schemaVersion() {
        return type().schemaVersion();
    }
}
