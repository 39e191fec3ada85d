package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * A petition's identity across all services; the Kafka key of every event about it.
 *
 * @param value must not be null
 */
public record PetitionId(UUID value) {

    public PetitionId {
        Objects.requireNonNull(value, "value");
    }

    public static PetitionId random() {
        return new PetitionId(UUID.randomUUID());
    }

    @JsonCreator
    public static PetitionId of(String value) {
        return new PetitionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
