package vn.gandan.reporting.summary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How far behind its sources the projection is, per topic: {@code gandan.reporting.projection.lag{topic}}, the
 * seconds from the {@code occurredAt} of the last event applied from that topic to now. It grows while a topic is
 * quiet, so it is read beside the consumer's records lag: behind and records waiting is a stuck projection; behind
 * and nothing waiting is only a quiet day.
 */
@Component
class ProjectionLag {

    private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    ProjectionLag(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void applied(String topic, Instant occurredAt) {
        Instant before = lastApplied.put(topic, occurredAt);
        if (before == null) {
            Gauge.builder("gandan.reporting.projection.lag", this, lag -> lag.seconds(topic))
                    .description("Seconds from the last applied event's occurrence to now, per source topic")
                    .baseUnit("seconds")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    double seconds(String topic) {
        Instant last = lastApplied.get(topic);
        return last == null ? 0.0 : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }
}
