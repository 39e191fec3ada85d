package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.time.ZoneOffset;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps events to their JSON payload and to CloudEvents 1.0 (binary mode on Kafka: the attributes travel as
 * {@code ce_*} headers, the payload as the record value). Thread-safe.
 */
public final class PetitionEventCodec {

    public static final String CONTENT_TYPE = "application/json";

    private final JsonMapper json = JsonMapper.builder()
            // Tolerant reader: a producer may add fields before every consumer knows them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public byte[] toJson(PetitionEvent event) {
        return json.writeValueAsBytes(event);
    }

    /**
     * @throws UnreadableEventException if the payload is not a valid {@code type}
     */
    public PetitionEvent fromJson(EventType type, byte[] payload) {
        try {
            return json.readValue(payload, type.javaType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("malformed " + type.typeName() + " payload: " + e.getMessage(), e);
        }
    }

    public CloudEvent toCloudEvent(PetitionEvent event) {
        return toCloudEvent(
                event.type(), event.eventId().toString(), event.petitionId(), event.occurredAt(), toJson(event));
    }

    /** Builds the CloudEvent of an already-serialized event, as the outbox relay holds it. */
    public CloudEvent toCloudEvent(
            EventType type, String eventId, PetitionId petitionId, java.time.Instant occurredAt, byte[] payload) {
        return CloudEventBuilder.v1()
                .withId(eventId)
                .withType(type.typeName())
                .withSource(type.source())
                .withSubject(petitionId.toString())
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withDataSchema(type.dataSchema())
                .withData(payload)
                .build();
    }

    /**
     * @throws UnreadableEventException if the type is unknown, the payload malformed, or its ids disagree with
     *     the CloudEvent's {@code id} and {@code subject}
     */
    public PetitionEvent fromCloudEvent(CloudEvent cloudEvent) {
        EventType type = EventType.ofTypeName(cloudEvent.getType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type: " + cloudEvent.getType()));
        if (cloudEvent.getData() == null) {
            throw new UnreadableEventException(type.typeName() + " without data");
        }
        PetitionEvent event = fromJson(type, cloudEvent.getData().toBytes());
        if (event.eventId() == null || event.petitionId() == null || event.occurredAt() == null) {
            throw new UnreadableEventException(type.typeName() + " lacks eventId, petitionId or occurredAt");
        }
        if (!event.eventId().toString().equals(cloudEvent.getId())
                || !event.petitionId().toString().equals(cloudEvent.getSubject())) {
            throw new UnreadableEventException(
                    "ce_id/ce_subject do not match the payload of " + type.typeName() + " " + cloudEvent.getId());
        }
        return event;
    }
}
