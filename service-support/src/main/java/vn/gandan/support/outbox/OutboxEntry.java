package vn.gandan.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.support.observability.StoredTrace;

/**
 * An event waiting in its aggregate's {@code outbox} array to be relayed. Aggregates add one in the same save
 * that changes their state.
 *
 * @param payload the event's JSON, exactly as it will be published
 * @param traceparent the W3C trace context the event was recorded in (null outside any trace): the relay publishes
 *     it as the parent of its send, so one petition's journey stays one trace across the wait in the outbox
 */
public record OutboxEntry(
        String eventId, String type, String petitionId, Instant occurredAt, String payload, String traceparent) {

    /** The name of the array field every aggregate with an outbox has. */
    public static final String FIELD = "outbox";

    private static final PetitionEventCodec CODEC = new PetitionEventCodec();

    public static OutboxEntry of(PetitionEvent event) {
        return new OutboxEntry(
                event.eventId().toString(),
                event.type().typeName(),
                event.petitionId().toString(),
                event.occurredAt(),
                new String(CODEC.toJson(event), StandardCharsets.UTF_8),
                StoredTrace.current());
    }
}
