package vn.gandan.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.gandan.testsupport.Http;

/**
 * A portal submitting petitions at a steady pace as a real one does: each petition is sent until intake accepts
 * it, a failed or refused attempt (intake down, store down: 503) retried with the same portal reference, so a
 * retry can only be answered with the first petition, never make a second one.
 */
final class SteadyLoad implements AutoCloseable {

    /** An accepted petition: what intake answered. */
    record Accepted(String id, String trackingCode, String commune) {}

    static final List<String> COMMUNES = List.of("17605", "16681", "16690", "16702");

    private final Http portal;
    private final Duration every;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean(false);
    private final java.util.concurrent.Semaphore idle = new java.util.concurrent.Semaphore(0);
    private final Thread thread;

    SteadyLoad(Http portal, Duration every) {
        this.portal = portal;
        this.every = every;
        this.thread = new Thread(this::run, "steady-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long n = 0;
        while (running.get()) {
            if (paused.get()) {
                idle.release();
                while (paused.get() && running.get()) {
                    sleep(Duration.ofMillis(50));
                }
                continue;
            }
            submit(n++);
            sleep(every);
        }
    }

    /** Tries one petition until it is accepted. */
    private void submit(long n) {
        String reference = "FAULTS-" + UUID.randomUUID();
        String commune = COMMUNES.get((int) (n % COMMUNES.size()));
        String body = """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc số %d",
                 "description":"Mỗi khi mưa lớn, nước ngập ngã tư trước trường tiểu học.",
                 "location":{"communeCode":"%s"},"channel":"portal",
                 "receivedAt":"%s",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},
                 "portalReference":"%s"}
                """.formatted(n, commune, Instant.now().minus(Duration.ofDays(1)), reference);
        while (true) {
            attempts.incrementAndGet();
            try {
                Http.Response response = portal.post("/api/v1/petitions", body);
                if (response.status() == 201 || response.status() == 200) {
                    var json = response.json();
                    String id = json.get("id").asString();
                    accepted.put(id, new Accepted(id, json.get("trackingCode").asString(), commune));
                    return;
                }
                refusals.incrementAndGet();
            } catch (IllegalStateException unreachable) {
                refusals.incrementAndGet();
            }
            // Kept trying even once stopped: an attempt whose answer was lost may have been stored.
            sleep(Duration.ofMillis(500));
        }
    }

    /** Returns once the petition being sent is accepted and no other will be sent until {@link #resume}. */
    void pause() throws InterruptedException {
        idle.drainPermits();
        paused.set(true);
        idle.acquire();
    }

    void resume() {
        paused.set(false);
    }

    Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    long attempts() {
        return attempts.get();
    }

    long refusals() {
        return refusals.get();
    }

    /** Stops once the petition being sent is accepted. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(60).toMillis());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
