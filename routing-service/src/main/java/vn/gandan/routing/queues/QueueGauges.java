package vn.gandan.routing.queues;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.gandan.routing.cases.CaseState;

/**
 * {@code gandan.routing.queue.depth} (tags {@code authority}, {@code state}) and {@code gandan.routing.queue.overdue}
 * (tag {@code authority}) for every authority holding open cases, and each province's triage depth ({@code
 * authority} = {@code triage-<province>}, {@code state} = {@code triage}). Recounted by one aggregation on a
 * schedule, never when scraped; a queue that emptied since the last count disappears from the gauges.
 */
@Component
class QueueGauges implements SmartLifecycle {

    static final String DEPTH = "gandan.routing.queue.depth";
    static final String OVERDUE = "gandan.routing.queue.overdue";

    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final QueueCounts counts;
    private final QueuesProperties properties;
    private final Clock clock;
    private final MultiGauge depth;
    private final MultiGauge overdue;
    private ScheduledExecutorService executor;

    QueueGauges(QueueCounts counts, QueuesProperties properties, Clock clock, MeterRegistry meters) {
        this.counts = counts;
        this.properties = properties;
        this.clock = clock;
        this.depth = MultiGauge.builder(DEPTH)
                .description("Cases waiting in a queue, by authority (triage-<province> for triage) and state")
                .register(meters);
        this.overdue = MultiGauge.builder(OVERDUE)
                .description("Open cases of an authority whose deadline has passed")
                .register(meters);
    }

    /** Counts every queue once and replaces the gauges' rows. */
    void refresh() {
        Instant now = clock.instant();
        Map<Tags, Long> depths = new TreeMap<>(QueueGauges::byText);
        Map<Tags, Long> late = new TreeMap<>(QueueGauges::byText);
        for (QueueCounts.Count count : counts.count(null, now, now)) {
            if (count.state() == CaseState.TRIAGE) {
                depths.merge(
                        Tags.of(
                                "authority",
                                "triage-" + count.provinceCode(),
                                "state",
                                count.state().code()),
                        count.cases(),
                        Long::sum);
            } else if (count.authorityId() != null) {
                depths.merge(
                        Tags.of(
                                "authority",
                                count.authorityId(),
                                "state",
                                count.state().code()),
                        count.cases(),
                        Long::sum);
                late.merge(Tags.of("authority", count.authorityId()), count.overdue(), Long::sum);
            }
        }
        depth.register(rows(depths), true);
        overdue.register(rows(late), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<Tags, Long> values) {
        return values.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList();
    }

    private static int byText(Tags a, Tags b) {
        return a.toString().compareTo(b.toString());
    }

    private void round() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The store is unreachable, say: the gauges keep their last values and the next round tries again.
            // Letting it through would end the schedule for good.
            log.warn("Queue gauges not refreshed; next try in {}", properties.gaugeInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-gauges");
            t.setDaemon(true);
            return t;
        });
        long period = properties.gaugeInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
