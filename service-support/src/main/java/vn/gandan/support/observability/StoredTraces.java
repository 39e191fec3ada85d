package vn.gandan.support.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Resumes a trace captured by {@link StoredTrace#current()}: an observation whose span is a child of the stored
 * context, exactly as if the stored value had arrived in a message header. Work done in its scope (a Kafka send
 * whose template observation writes the {@code traceparent} header, a save of an aggregate with new outbox
 * entries) belongs to the original trace. Without a stored value the observation starts a new trace.
 */
public class StoredTraces {

    private final ObservationRegistry registry;

    public StoredTraces(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param name the observation's name; also its timer's ({@code <name>_seconds} on Prometheus), so give it only
     *     low-cardinality tags
     * @param traceparent as stored, or null
     */
    public Observation resume(String name, String traceparent) {
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null && !traceparent.isBlank()) {
            carrier.put(StoredTrace.TRACEPARENT, traceparent);
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((headers, key) -> headers.get(key));
        context.setCarrier(carrier);
        return Observation.createNotStarted(name, () -> context, registry);
    }
}
