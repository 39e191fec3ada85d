package vn.gandan.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bulk import: historical petitions through {@code POST /api/v1/petitions:batch} with {@code historical: true}
 * (at most 500 a call) from a few concurrent callers, until the count is sent or the time bound is reached; then the
 * wait until every accepted one is routed (its routing outcome seen on the topic) and reported (reporting's consumer
 * group has no lag left on the intake and routing topics).
 */
public final class Backfill {

    public static final String PHASE = "back-fill";

    /** What the bulk import measured; times in seconds from its first call, -1 when not reached. */
    public record Result(
            long target,
            long sent,
            long accepted,
            Map<String, Long> otherStatuses,
            int batchSize,
            int workers,
            double sendSeconds,
            double routedSeconds,
            double reportedSeconds,
            boolean timeBound,
            long undecidedAtEnd) {

        /** Petitions accepted per second of sending. */
        public double acceptedPerSecond() {
            return sendSeconds <= 0 ? 0 : accepted / sendSeconds;
        }

        /** Petitions routed and reported per second, from the first call to the last one reported. */
        public double endToEndPerSecond() {
            double s = Math.max(routedSeconds, reportedSeconds);
            return s <= 0 ? 0 : accepted / s;
        }
    }

    private final HttpClient client;
    private final URI batch;
    private final String apiKey;
    private final PetitionGenerator generator;
    private final Tracker tracker;
    private final PrintStream progress;
    private final JsonMapper json = JsonMapper.builder().build();

    public Backfill(
            HttpClient client,
            URI intake,
            String apiKey,
            PetitionGenerator generator,
            Tracker tracker,
            PrintStream progress) {
        this.client = client;
        this.batch = intake.resolve("/api/v1/petitions:batch");
        this.apiKey = apiKey;
        this.generator = generator;
        this.tracker = tracker;
        this.progress = progress;
    }

    /**
     * @param count petitions to import
     * @param batchSize per call, at most 500
     * @param workers concurrent callers
     * @param sendFor stop sending after this long even if not all are sent
     * @param drainFor then wait at most this long for them to be routed and reported
     */
    public Result run(long count, int batchSize, int workers, Duration sendFor, Duration drainFor, ConsumerLag lag)
            throws Exception {
        long start = System.nanoTime();
        long stopSending = start + sendFor.toNanos();
        AtomicLong claimed = new AtomicLong();
        LongAdder sent = new LongAdder();
        LongAdder accepted = new LongAdder();
        Map<String, Long> others = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            SplittableRandom random = new SplittableRandom(7_000_003L * (w + 1));
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < stopSending) {
                            long from = claimed.getAndAdd(batchSize);
                            if (from >= count) {
                                return;
                            }
                            int n = (int) Math.min(batchSize, count - from);
                            send(n, random, sent, accepted, others);
                        }
                    },
                    "bench-backfill-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long lastReport = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(1000);
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.printf(
                            Locale.ROOT,
                            "  back-fill: %d s, %,d accepted (%.0f/s), %,d not yet routed%n",
                            (lastReport - start) / 1_000_000_000L,
                            accepted.sum(),
                            accepted.sum() / ((lastReport - start) / 1e9),
                            tracker.undecided());
                }
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        boolean timeBound = claimed.get() < count;
        progress.printf(
                Locale.ROOT,
                "  back-fill: %,d accepted in %.0f s%s; waiting for routing and reporting%n",
                accepted.sum(),
                sendSeconds,
                timeBound ? " (time bound reached)" : "");

        long drainUntil = System.nanoTime() + drainFor.toNanos();
        double routed = -1;
        double reported = -1;
        long undecided = tracker.undecided();
        while (System.nanoTime() < drainUntil) {
            undecided = tracker.undecided();
            if (routed < 0 && undecided == 0) {
                routed = (System.nanoTime() - start) / 1e9;
            }
            if (routed >= 0
                    && lag.of("reporting", List.of(EventWatch.INTAKE, EventWatch.ROUTING)) == 0
                    && lag.of("routing", List.of(EventWatch.INTAKE)) == 0) {
                reported = (System.nanoTime() - start) / 1e9;
                break;
            }
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                progress.printf(Locale.ROOT, "  back-fill: %,d not yet routed%n", undecided);
            }
            Thread.sleep(routed < 0 ? 200 : 500);
        }
        return new Result(
                count,
                sent.sum(),
                accepted.sum(),
                new TreeMap<>(others),
                batchSize,
                workers,
                sendSeconds,
                routed,
                reported,
                timeBound,
                undecided);
    }

    private void send(int n, SplittableRandom random, LongAdder sent, LongAdder accepted, Map<String, Long> others) {
        // An import of the portal's records (ADR 0017): routed and reported, with no clock and no one told.
        ObjectNode body = json.createObjectNode().put("historical", true);
        ArrayNode petitions = body.putArray("petitions");
        for (int i = 0; i < n; i++) {
            petitions.add(json.readTree(generator.next(random).json()));
        }
        long sentAt = System.nanoTime();
        sent.add(n);
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(batch)
                            .timeout(Duration.ofMinutes(5))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("X-Api-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                others.merge("call " + r.statusCode(), (long) n, Long::sum);
                return;
            }
            for (JsonNode item : json.readTree(r.body()).path("results")) {
                int status = item.path("status").asInt();
                if (status == 201) {
                    accepted.increment();
                    tracker.accepted(item.path("petition").path("id").asString(), sentAt, PHASE);
                } else {
                    others.merge(Integer.toString(status), 1L, Long::sum);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            others.merge(e.getClass().getSimpleName(), (long) n, Long::sum);
        }
    }
}
