package vn.gandan.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-system run on one store backend: the load phases with every petition followed downstream and the
 * services' work counted, then the raw ceilings of the same store and broker, then the bulk import.
 */
final class PipelineRun {

    private final Options options;
    private final PipelineOptions pipeline;
    private final HttpClient client;
    private final LoadDriver driver;
    private final PrintStream progress;
    private final Tracker tracker = new Tracker();
    private volatile boolean priming;

    PipelineRun(Options options, HttpClient client, LoadDriver driver, PrintStream progress) {
        this.options = options;
        this.pipeline = options.pipeline();
        this.client = client;
        this.driver = driver;
        this.progress = progress;
    }

    PipelineResult run(Catalogue catalogue, Places places, String runId) throws Exception {
        URI reporting = pipeline.reporting();
        try (EventWatch events = new EventWatch(pipeline.kafka(), tracker);
                ConsumerLag lag = new ConsumerLag(pipeline.kafka());
                TimelineProbe probe =
                        new TimelineProbe(client, reporting, pipeline.analyst(), tracker, pipeline.sampleEvery());
                AutoCloseable mail = pipeline.mailApi() == null
                        ? () -> {}
                        : new MailPurge(client, pipeline.mailApi(), progress).start()) {
            events.start();
            driver.onAccepted((id, sent, phase) -> {
                String counted = priming ? null : phase;
                tracker.accepted(id, sent, counted);
                probe.accepted(id, counted);
            });

            if (!options.prime().isZero()) {
                progress.println("priming, not counted:");
                priming = true;
                driver.run(
                        new Phase(Phase.Mode.MAX_THROUGHPUT, BenchMain.PRIME_WORKERS, Duration.ZERO, options.prime()),
                        0);
                priming = false;
                settle(null, probe);
            }

            List<PipelineResult.Measured> phases = new ArrayList<>();
            for (Phase phase : options.phases()) {
                caughtUp(lag);
                Map<String, Counters> before = scrape();
                long acceptedBefore = tracker.acceptedCount();
                probe.phase(phase.label());
                PhaseResult submissions = driver.run(phase, options.connections());
                Duration through = settle(phase.label(), probe);
                Map<String, Counters> cost = minus(scrape(), before);
                long sampled = probe.sampled();
                probe.phase(null);
                phases.add(new PipelineResult.Measured(
                        submissions,
                        tracker.stats(phase.label(), sampled),
                        through,
                        cost,
                        tracker.acceptedCount() - acceptedBefore,
                        lag.now(),
                        MemoryWatch.read(options.watch())));
            }

            StoreCeiling.Result store = null;
            if (!pipeline.storeCeiling().isZero()) {
                progress.println("store ceiling: inserts and updates by _id, 1 and 4 threads");
                try (StoreCeiling ceiling = new StoreCeiling(pipeline.mongo())) {
                    store = ceiling.measure(pipeline.storeCeiling());
                } catch (RuntimeException e) {
                    progress.println("bench: the store ceiling failed, left out of the report: " + e);
                }
                if (store != null)
                    progress.printf(
                            Locale.ROOT,
                            "  %d B documents: insert %.0f/s (1 thread), %.0f/s (4); update %.0f/s (1), %.0f/s (4)%n",
                            store.documentBytes(),
                            store.insert1(),
                            store.insert4(),
                            store.update1(),
                            store.update4());
            }
            KafkaCeiling.Result kafka = null;
            if (pipeline.kafkaRecords() > 0) {
                int size = events.submittedValueSize();
                progress.printf(Locale.ROOT, "kafka ceiling: ProducerPerformance, %d B records, acks=all%n", size);
                kafka = KafkaCeiling.measure(
                        lag.admin(), pipeline.kafka(), pipeline.libs(), pipeline.kafkaRecords(), size);
                progress.println("  " + KafkaCeiling.describe(kafka));
            }

            Backfill.Result backfill = null;
            StoreHeap.Growth storeHeap = null;
            if (pipeline.backfill() > 0) {
                Long storePid = options.watch().get("store");
                long heapBefore = storePid == null ? 0 : StoreHeap.liveKib(storePid);
                progress.printf(
                        Locale.ROOT,
                        "back-fill: %,d historical petitions, batches of %d, %d callers, at most %d s%n",
                        pipeline.backfill(),
                        pipeline.backfillBatch(),
                        pipeline.backfillWorkers(),
                        pipeline.backfillTime().toSeconds());
                PetitionGenerator historical = new PetitionGenerator(
                        catalogue, places, runId + "h", Clock.systemUTC(), pipeline.backfillWithin());
                backfill = new Backfill(client, options.url(), options.apiKey(), historical, tracker, progress)
                        .run(
                                pipeline.backfill(),
                                pipeline.backfillBatch(),
                                pipeline.backfillWorkers(),
                                pipeline.backfillTime(),
                                pipeline.backfillDrain(),
                                lag);
                if (heapBefore > 0) {
                    storeHeap = new StoreHeap.Growth(
                            heapBefore, StoreHeap.liveKib(storePid), StoreHeap.maxKib(storePid), backfill.accepted());
                    progress.printf(
                            Locale.ROOT,
                            "  store's live heap %,d → %,d MiB: %.1f KiB per back-filled petition%n",
                            storeHeap.beforeKib() / 1024,
                            storeHeap.afterKib() / 1024,
                            storeHeap.kibPerPetition());
                }
            }

            Map<String, Map<String, Long>> lagAtEnd = lag.now();
            return new PipelineResult(
                    pipeline.backend(),
                    phases,
                    store,
                    kafka,
                    backfill,
                    storeHeap,
                    lagAtEnd,
                    events.sizes(),
                    tracker.undecided(),
                    probe.polls(),
                    MemoryWatch.read(options.watch()));
        }
    }

    /**
     * Waits, at most the settle time, until every consumer group has caught up: a phase starts from an idle pipeline,
     * not behind the previous one's backlog. (The priming's wait covers routing only; reporting and notification
     * were still 30-40 s behind it, and the fixed-rate phase measured that backlog too.)
     */
    private void caughtUp(ConsumerLag lag) throws Exception {
        long started = System.nanoTime();
        long until = started + pipeline.settle().toNanos();
        long behind = lag.total();
        while (behind > 0 && System.nanoTime() < until) {
            Thread.sleep(500);
            behind = lag.total();
        }
        if (behind == 0) {
            progress.printf(
                    Locale.ROOT, "  every consumer caught up after %.1f s%n", (System.nanoTime() - started) / 1e9);
        } else {
            progress.printf(
                    Locale.ROOT,
                    "  still %,d records of consumer lag after %d s; the phase starts anyway%n",
                    behind,
                    pipeline.settle().toSeconds());
        }
    }

    /**
     * Waits until the phase's petitions are routed and notified and the sampled ones counted, or the time ends.
     *
     * @return how long that took, or null if the time ended first
     */
    private Duration settle(String phase, TimelineProbe probe) throws InterruptedException {
        long until = System.nanoTime() + pipeline.settle().toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < until) {
            boolean routed = tracker.undecided() == 0;
            boolean notified = phase == null || tracker.unnotified(phase) == 0;
            boolean counted = phase == null || tracker.stats(phase, 0).counted() >= probe.sampled();
            if (routed && notified && counted) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                progress.printf(
                        Locale.ROOT, "  all through the pipeline %.1f s after the window%n", took.toMillis() / 1e3);
                return took;
            }
            Thread.sleep(250);
        }
        progress.printf(
                Locale.ROOT,
                "  still in the pipeline after %d s: %d not routed%s%n",
                pipeline.settle().toSeconds(),
                tracker.undecided(),
                phase == null ? "" : ", " + tracker.unnotified(phase) + " responders not notified");
        return null;
    }

    private Map<String, Counters> scrape() {
        Map<String, Counters> out = new LinkedHashMap<>();
        pipeline.services().forEach((name, base) -> {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                out.put(name, r.statusCode() == 200 ? Counters.parse(r.body()) : Counters.NONE);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                progress.println("bench: cannot scrape " + name + ": " + e);
                out.put(name, Counters.NONE);
            }
        });
        return out;
    }

    private static Map<String, Counters> minus(Map<String, Counters> after, Map<String, Counters> before) {
        Map<String, Counters> out = new LinkedHashMap<>();
        after.forEach((name, c) -> out.put(name, c.minus(before.getOrDefault(name, Counters.NONE))));
        return out;
    }
}
