package vn.gandan.support.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The current trace context as a W3C {@code traceparent} value, to be stored with work that is done later on
 * another thread (an outbox entry, a queued delivery) and resumed there by {@link StoredTraces}.
 *
 * <p>Static, because it is called where an event is built (inside aggregates), far from any bean. It reads
 * OpenTelemetry's context, which Micrometer Tracing's bridge keeps current for every open observation.
 */
public final class StoredTrace {

    /** The W3C header name, also the field name in stored documents. */
    public static final String TRACEPARENT = "traceparent";

    private StoredTrace() {}

    /** The {@code traceparent} of the span in scope on this thread; null outside any span (nothing to resume). */
    public static String current() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, headers, Map::put);
        return headers.get(TRACEPARENT);
    }
}
