package vn.gandan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Submission → counted in reporting, for a sample of petitions: asks reporting-service for the petition's
 * timeline ({@code GET /api/v1/reports/petitions/{id}/timeline}, as an analyst of the province) until it answers
 * 200 with the routing outcome in it, i.e. until the petition is in the figures as routed (or in triage). Polls
 * after 50 ms, then every 100 ms, for at most {@link #GIVE_UP}; each poll is a read of reporting's store, so only
 * every n-th petition is followed.
 */
public final class TimelineProbe implements AutoCloseable {

    static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final long FIRST_MS = 50;
    private static final long EVERY_MS = 100;

    private final HttpClient client;
    private final URI reporting;
    private final String authorization;
    private final Tracker tracker;
    private final int every;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-timeline-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong seen = new AtomicLong();
    private final LongAdder polls = new LongAdder();
    private final LongAdder sampled = new LongAdder();
    private volatile String phase;

    /**
     * @param every follow one petition in this many (0: none)
     * @param user HTTP Basic {@code name:password} of an analyst of the portal's province
     */
    public TimelineProbe(HttpClient client, URI reporting, String user, Tracker tracker, int every) {
        this.client = client;
        this.reporting = reporting;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        this.tracker = tracker;
        this.every = every;
    }

    /** Sampling applies to the petitions of this phase only; null stops sampling. */
    public void phase(String phase) {
        this.phase = phase;
        seen.set(0);
        sampled.reset();
    }

    /** A petition was accepted in the given phase (null: outside any measured window). */
    public void accepted(String id, String phase) {
        if (every <= 0 || phase == null || !phase.equals(this.phase) || seen.getAndIncrement() % every != 0) {
            return;
        }
        sampled.increment();
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        scheduler.schedule(() -> poll(id, giveUp), FIRST_MS, TimeUnit.MILLISECONDS);
    }

    private void poll(String id, long giveUp) {
        polls.increment();
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(reporting.resolve("/api/v1/reports/petitions/" + id + "/timeline"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long now = System.nanoTime();
            if (r.statusCode() == 200 && countedAsRouted(r.body())) {
                tracker.counted(id, now);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            // the next poll tries again
        }
        if (System.nanoTime() < giveUp && !scheduler.isShutdown()) {
            scheduler.schedule(() -> poll(id, giveUp), EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The timeline holds the routing outcome: the petition is counted as routed (or in triage). */
    static boolean countedAsRouted(String body) {
        return body.contains(EventWatch.ROUTED) || body.contains(EventWatch.ROUTING_FAILED);
    }

    /** Petitions followed in the current phase. */
    public long sampled() {
        return sampled.sum();
    }

    /** Timeline requests made so far (reads of reporting's store that the pipeline would not make). */
    public long polls() {
        return polls.sum();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
