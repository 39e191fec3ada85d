package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen withdrew their consent to be told about this petition. From {@code occurredAt} nothing more may be
 * sent to them about it, on any channel, and whoever keeps the addresses of {@link CitizenNotificationsConsented}
 * deletes them. Published on {@link Topics#INTAKE_CONTACTS} under the same key, so compaction of that topic also
 * drops the consent it replaces.
 */
public record CitizenNotificationsWithdrawn(UUID eventId, PetitionId petitionId, Instant occurredAt)
        implements IntakeEvent {

    public CitizenNotificationsWithdrawn {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(petitionId, "petitionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
