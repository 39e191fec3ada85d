package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.PetitionEvent;
import vn.gandan.localstore.IndexedH2Backend;
import vn.gandan.localstore.IndexedMemoryBackend;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * Issue 6: events applied per second and query latency at 10,000 and at 1,000,000 petitions, on the real store
 * the tests use (mongo-java-server in memory with {@code TEST_INFRA=inprocess}, or a real MongoDB).
 *
 * <p>Scale 1: every event of {@code BENCH_PETITIONS_SMALL} petitions goes through
 * {@link ResolutionProjector#apply}, the first half on one thread, the second on two (petitions split by id, as
 * Kafka partitions split them; one petition's events in order on one thread), then each query is timed over HTTP.
 * Scale 2: the store is brought to {@code BENCH_PETITIONS_LARGE} petitions' figures by {@link BenchmarkBulkLoad}
 * (the projector's own arithmetic, summed and written in bulk: applying 5 M events one by one would take hours),
 * then {@code BENCH_PETITIONS_APPLIED} more petitions go through the projector as at scale 1, and the same
 * queries are timed. Asserts only that the work was done: every event applied, every query answered 200 with
 * rows, the national {@code received} equal to the petitions counted. Writes
 * {@code docs/benchmarks/reporting-projection-<date>.md}. Not part of the build:
 * {@code BENCH_STORE=h2 ./mvnw -B -o -pl reporting-service test -Dtest=ResolutionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx14g -Dsurefire.exitTimeout=600} (the sums of the bulk load
 * take about 8 GB of heap at 1,000,000 petitions; the in-memory store, without {@code BENCH_STORE=h2}, would hold the
 * buckets on the heap too, more than 17 GB; stopping takes longer than surefire's default 30 s).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "logging.level.vn.gandan=warn",
            "logging.level.org.springframework.kafka=warn",
            // Its own database: on a real MongoDB it neither reads nor leaves other tests' figures.
            "spring.mongodb.database=gandan_reporting_bench"
        })
@ActiveProfiles("local")
@RealInfrastructure
class ResolutionBenchmark {

    static final int SMALL = setting("BENCH_PETITIONS_SMALL", 10_000);
    static final int LARGE = setting("BENCH_PETITIONS_LARGE", 1_000_000);
    static final int APPLIED_AT_LARGE = setting("BENCH_PETITIONS_APPLIED", 10_000);
    static final int WARM_UP_PETITIONS = 1_000;
    static final int QUERY_WARM_UP = 5;
    static final int QUERY_RUNS = 30;
    /** Where the warm-up writes, dropped after: the JIT compiles the projector before anything is timed. */
    static final ProjectionVersion SCRATCH = new ProjectionVersion(99);
    /** Where the in-memory count of writes says its events came from: only recorded, never compared. */
    static final Position POSITION = new Position(Position.LIVE, "bench", 0, 0);

    static final List<String> PROJECTIONS = List.of(
            PetitionTimeline.COLLECTION,
            Buckets.COLLECTION,
            ReportGroups.COLLECTION,
            ReportGroups.AUTHORITIES,
            OpenCases.OpenCase.COLLECTION);

    static final String YEAR_2025 = "from=2025-01-01&to=2025-12-31";

    record Query(String name, String user, String path, boolean csv) {}

    static final List<Query> QUERIES = List.of(
            new Query(
                    "commune × month, 2025", "analyst", "/resolution?groupBy=commune&period=month&" + YEAR_2025, false),
            new Query(
                    "commune × day, March 2025",
                    "analyst",
                    "/resolution?groupBy=commune&period=day&from=2025-03-01&to=2025-03-31",
                    false),
            new Query(
                    "authority × quarter, 2025",
                    "analyst",
                    "/resolution?groupBy=authority&period=quarter&" + YEAR_2025,
                    false),
            new Query(
                    "category × range, 2025",
                    "analyst",
                    "/resolution?groupBy=category&period=range&" + YEAR_2025,
                    false),
            new Query(
                    "province × year, 2025-2026, national",
                    "admin",
                    "/resolution?groupBy=province&period=year&from=2025-01-01&to=2026-12-31",
                    false),
            new Query(
                    "commune × month, 2025, national",
                    "admin",
                    "/resolution?groupBy=commune&period=month&" + YEAR_2025,
                    false),
            new Query(
                    "commune × month, 2025, asOf 2025-09-30",
                    "analyst",
                    "/resolution?groupBy=commune&period=month&" + YEAR_2025 + "&asOf=2025-09-30",
                    false),
            new Query(
                    "province × year, national, asOf 2025-09-30",
                    "admin",
                    "/resolution?groupBy=province&period=year&from=2025-01-01&to=2026-12-31&asOf=2025-09-30",
                    false),
            new Query(
                    "CSV: commune × month, 2025",
                    "analyst",
                    "/resolution?groupBy=commune&period=month&" + YEAR_2025,
                    true),
            new Query("repeats, 2025", "analyst", "/repeats?" + YEAR_2025, false),
            new Query("overdue, first 50", "analyst", "/overdue?size=50", false));

    /**
     * With the in-process store, the benchmark's own mongo-java-server whose {@code _id} lookups with further
     * conditions use the index ({@link IndexedMemoryBackend}): the stock one scans the whole collection for each
     * bucket upsert. {@code BENCH_STORE=plain} keeps the stock one; {@code BENCH_STORE=h2} uses the H2 backend of the
     * local run ({@link IndexedH2Backend}), whose data is in a file rather than on this JVM's heap (at 1,000,000
     * petitions the in-memory one needs more heap than 24 GiB machines have); a real MongoDB is used as it is.
     */
    enum Store {
        /** The test infrastructure's store as it is: the stock in-process one, or a real MongoDB. */
        PLAIN,
        MEMORY,
        H2;

        static Store chosen() {
            if (TestInfrastructure.servers().mode() != TestInfrastructure.Mode.INPROCESS) {
                return PLAIN;
            }
            String asked = System.getProperty("BENCH_STORE", System.getenv("BENCH_STORE"));
            return "plain".equals(asked) ? PLAIN : "h2".equals(asked) ? H2 : MEMORY;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Store STORE = Store.chosen();

    static String indexedStoreUri;

    static synchronized String indexedStoreUri() {
        if (indexedStoreUri == null) {
            MongoServer server =
                    new MongoServer(STORE == Store.H2 ? new IndexedH2Backend(h2File()) : new IndexedMemoryBackend());
            InetSocketAddress address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            indexedStoreUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        }
        return indexedStoreUri;
    }

    private static String h2File() {
        try {
            Path file = Files.createTempDirectory("gandan-reporting-bench").resolve("store.mv");
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnStore {
        /** Applied after the one from {@code spring.mongodb.uri}, so its address wins. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        MongoClientSettingsBuilderCustomizer benchmarkStore() {
            return builder -> {
                if (STORE != Store.PLAIN) {
                    builder.applyConnectionString(new ConnectionString(indexedStoreUri()));
                }
            };
        }
    }

    static String storeDescription() {
        return switch (STORE) {
            case H2 ->
                "mongo-java-server 1.47 with the local run's H2 backend (a file, not the heap), same JVM, `_id`"
                        + " lookups with further conditions served by the `_id` index (`IndexedH2Backend`, "
                        + indexedStoreUri() + ")";
            case MEMORY ->
                "mongo-java-server 1.47 in memory, same JVM, `_id` lookups with further conditions served by the"
                        + " `_id` index (`IndexedMemoryBackend`, " + indexedStoreUri() + ")";
            case PLAIN ->
                TestInfrastructure.servers().mode() == TestInfrastructure.Mode.INPROCESS
                        ? "mongo-java-server 1.47 in memory, same JVM, stock ("
                                + TestInfrastructure.servers().mongoUri() + ")"
                        : "MongoDB (" + TestInfrastructure.servers().mode() + ", "
                                + TestInfrastructure.servers().mongoUri() + ")";
        };
    }

    @Autowired
    ResolutionProjector projector;

    @Autowired
    FinishedDifferences finished;

    @Autowired
    ProjectionVersions versions;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OpenCases openCases;

    @LocalServerPort
    int port;

    final java.util.concurrent.atomic.AtomicLong offsets = new java.util.concurrent.atomic.AtomicLong();

    record Rate(int threads, int petitions, long events, double seconds, long[] eventNanos) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** What applying the events writes, counted by replaying them through a timeline in memory (no store). */
    static final class Writes {
        long events;
        long changed;
        long bucketUpserts;
        long otherWrites;
        long computeNanos;
        int maxBuckets;
        final Map<String, long[]> byType = new TreeMap<>(); // type → {events, bucket upserts}

        double bucketsPerEvent() {
            return (double) bucketUpserts / events;
        }

        double writesPerEvent() {
            return (double) (bucketUpserts + otherWrites) / events;
        }
    }

    record Latency(Query query, int rows, int bytes, double p50, double p95, double max, String note) {}

    record Scale(
            String name,
            long petitions,
            long bulkLoaded,
            Duration bulkAggregate,
            Duration bulkWrite,
            long bulkFields,
            Rate one,
            Rate two,
            Writes writes,
            Map<String, Long> counts,
            long heapUsedMb,
            long nationalReceived,
            List<Latency> queries,
            List<BucketSize> sizes) {}

    /** One bucket document: its BSON size, the days of changes it keeps, its high-water marks. */
    record BucketSize(String id, int bytes, int changeDays, long leaves, int marks) {}

    static final String COMMUNE =
            vn.gandan.adminunits.AdminUnits.official().communesOf("40").get(0).code();

    static final List<String> SAMPLED_BUCKETS = List.of(
            "kind=complaint|2025",
            "province=40|2025",
            "province=40|2025-03",
            "province=40,category=health|2025-03",
            "province=40,commune=" + COMMUNE + "|2025",
            "province=40,commune=" + COMMUNE + "|2025-03",
            "province=40,commune=" + COMMUNE + "|2025-03-10");

    List<BucketSize> bucketSizes(ProjectionVersion version) {
        var codec = new org.bson.codecs.DocumentCodec(com.mongodb.MongoClientSettings.getDefaultCodecRegistry());
        List<BucketSize> sizes = new ArrayList<>();
        for (String id : SAMPLED_BUCKETS) {
            org.bson.Document doc = mongo.getCollection(version.collection(Buckets.COLLECTION))
                    .find(new org.bson.Document("_id", id))
                    .first();
            if (doc == null) {
                continue;
            }
            org.bson.Document changes = doc.get(Buckets.CHANGES, org.bson.Document.class);
            org.bson.Document marks = doc.get(Position.MARKS, org.bson.Document.class);
            sizes.add(new BucketSize(
                    id,
                    new org.bson.RawBsonDocument(doc, codec).getByteBuffer().remaining(),
                    changes == null ? 0 : changes.size(),
                    leaves(doc),
                    marks == null ? 0 : marks.size()));
        }
        return sizes;
    }

    static long leaves(org.bson.Document doc) {
        long n = 0;
        for (var e : doc.entrySet()) {
            if (e.getKey().equals(Position.MARKS) || e.getKey().equals("_id")) {
                continue;
            }
            if (e.getValue() instanceof org.bson.Document) {
                n += leaves((org.bson.Document) e.getValue());
            } else {
                n++;
            }
        }
        return n;
    }

    @Test
    void eventsPerSecondAndQueryLatency() throws Exception {
        String loadAtStart = loadAverage();
        ProjectionVersion live = versions.active();
        mongo.getDb().drop();
        projector.forget(live);

        List<List<PetitionEvent>> warmUp = stories(new BenchmarkStories(9), 0, WARM_UP_PETITIONS);
        apply(warmUp, 1, SCRATCH);
        drop(SCRATCH);

        // Scale 1: every event through the projector.
        BenchmarkStories small = new BenchmarkStories(1);
        List<List<PetitionEvent>> firstHalf = stories(small, 0, SMALL / 2);
        List<List<PetitionEvent>> secondHalf = stories(small, SMALL / 2, SMALL);
        Writes writes1 = writes(concat(firstHalf, secondHalf));
        Rate one1 = apply(firstHalf, 1, live);
        Rate two1 = apply(secondHalf, 2, live);
        assertAllApplied(concat(firstHalf, secondHalf), live);
        Scale scale1 = new Scale(
                "1",
                SMALL,
                0,
                Duration.ZERO,
                Duration.ZERO,
                0,
                one1,
                two1,
                writes1,
                counts(live),
                heapUsedMb(),
                nationalReceived(),
                queries(),
                bucketSizes(live));
        print(scale1);
        firstHalf = null;
        secondHalf = null;

        // Scale 2: the figures of LARGE petitions loaded in bulk, then more applied one event at a time.
        drop(live);
        BenchmarkStories large = new BenchmarkStories(2);
        BenchmarkBulkLoad load = new BenchmarkBulkLoad();
        long start = System.nanoTime();
        for (int n = 0; n < LARGE; n++) {
            List<PetitionEvent> story = large.story(n);
            PetitionState state = load.add(story);
            if (state.countable() && !state.handled() && state.deadline() != null) {
                var writes = openCases.writes(live);
                writes.record(story.get(0).petitionId().toString(), state, null, List.of());
                writes.write();
            }
            if ((n + 1) % 100_000 == 0) {
                System.out.printf(
                        Locale.ROOT,
                        "bulk load: %,d petitions summed, %,d buckets, %.0f s%n",
                        n + 1,
                        load.bucketCount(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        Duration aggregate = Duration.ofNanos(System.nanoTime() - start);
        long fields = load.fieldCount();
        start = System.nanoTime();
        long written = load.write(mongo, live);
        Duration write = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "bulk load: %,d bucket documents written in %s%n", written, write);
        load = null;

        BenchmarkStories more = new BenchmarkStories(3);
        firstHalf = stories(more, 0, APPLIED_AT_LARGE / 2);
        secondHalf = stories(more, APPLIED_AT_LARGE / 2, APPLIED_AT_LARGE);
        Writes writes2 = writes(concat(firstHalf, secondHalf));
        Rate one2 = apply(firstHalf, 1, live);
        Rate two2 = apply(secondHalf, 2, live);
        assertAllApplied(concat(firstHalf, secondHalf), live);
        Scale scale2 = new Scale(
                "2",
                LARGE + APPLIED_AT_LARGE,
                LARGE,
                aggregate,
                write,
                fields,
                one2,
                two2,
                writes2,
                counts(live),
                heapUsedMb(),
                nationalReceived(),
                queries(),
                bucketSizes(live));
        print(scale2);

        String report = report(scale1, scale2, loadAtStart, small.communeCount());
        System.out.println(report);
        Path file = Path.of("..", "docs", "benchmarks", "reporting-projection-" + LocalDate.now() + ".md");
        if (Files.isDirectory(file.getParent())) {
            Files.writeString(file, report, StandardCharsets.UTF_8);
            System.out.println("Report written to " + file.toAbsolutePath().normalize());
        }
        assertThat(scale1.nationalReceived()).isEqualTo(SMALL);
        assertThat(scale2.nationalReceived()).isEqualTo((long) LARGE + APPLIED_AT_LARGE);
    }

    void drop(ProjectionVersion version) {
        projector.forget(version);
        for (String c : PROJECTIONS) {
            if (mongo.collectionExists(version.collection(c))) {
                mongo.dropCollection(version.collection(c));
            }
        }
    }

    // --- applying

    static List<List<PetitionEvent>> stories(BenchmarkStories stories, int from, int to) {
        List<List<PetitionEvent>> petitions = new ArrayList<>(to - from);
        for (int n = from; n < to; n++) {
            petitions.add(stories.story(n));
        }
        return petitions;
    }

    static List<List<PetitionEvent>> concat(List<List<PetitionEvent>> a, List<List<PetitionEvent>> b) {
        List<List<PetitionEvent>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Applies the events in the order they happened, each petition's on one of {@code threads} threads (by id, as a
     * partition), reading the active version per event as the listener does.
     */
    Rate apply(List<List<PetitionEvent>> petitions, int threads, ProjectionVersion target) throws Exception {
        List<PetitionEvent> all = new ArrayList<>();
        petitions.forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(PetitionEvent::occurredAt)); // stable: a petition's stay in order
        List<List<PetitionEvent>> partitions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            partitions.add(new ArrayList<>());
        }
        all.forEach(e -> partitions
                .get(Math.floorMod(e.petitionId().hashCode(), threads))
                .add(e));
        long[] nanos = new long[threads == 1 ? all.size() : 0];
        Throwable[] failure = new Throwable[1];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<PetitionEvent> partition = partitions.get(t);
            int number = t;
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    int i = 0;
                    for (PetitionEvent event : partition) {
                        long start = System.nanoTime();
                        ProjectionVersion version = target == SCRATCH ? SCRATCH : versions.active();
                        // each thread a partition, read in order: offsets only grow, across runs too
                        var at = new Position(Position.LIVE, "bench", number, offsets.incrementAndGet());
                        projector.apply(event, version, at);
                        if (nanos.length > 0) {
                            nanos[i++] = System.nanoTime() - start;
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure[0] != null) {
            throw new AssertionError("applying failed", failure[0]);
        }
        Arrays.sort(nanos);
        Rate rate = new Rate(threads, petitions.size(), all.size(), seconds, nanos);
        System.out.printf(
                Locale.ROOT,
                "applied %,d events of %,d petitions on %d thread(s) in %.1f s: %,.0f events/s%n",
                rate.events(),
                rate.petitions(),
                threads,
                seconds,
                rate.perSecond());
        return rate;
    }

    /** Every petition's timeline holds all its events and nothing is left pending. */
    void assertAllApplied(List<List<PetitionEvent>> petitions, ProjectionVersion version) {
        finished.flush();
        for (List<PetitionEvent> events : petitions) {
            PetitionTimeline timeline = mongo.findById(
                    events.get(0).petitionId().toString(),
                    PetitionTimeline.class,
                    version.collection(PetitionTimeline.COLLECTION));
            assertThat(timeline).isNotNull();
            assertThat(timeline.getEvents()).hasSize(events.size());
            assertThat(timeline.hasPending()).isFalse();
        }
    }

    /**
     * The writes the projector makes per event, from its own code run in memory: the timeline's save, then if the
     * figures changed one upsert per bucket of the pending difference, the groups (one upsert per dimension,
     * nationally and in the province, plus the authority's name: at most, as an instance writes each once) and the
     * open case (saved or removed, and removed from every other province the events named); the pending cleared is
     * not counted, as it is cleared with hundreds of others at once. Also times that in-memory part alone.
     */
    static Writes writes(List<List<PetitionEvent>> petitions) {
        Writes w = new Writes();
        for (List<PetitionEvent> events : petitions) {
            PetitionTimeline timeline =
                    new PetitionTimeline(events.get(0).petitionId().toString());
            for (PetitionEvent event : events) {
                long start = System.nanoTime();
                boolean changed = timeline.add(event) && timeline.recount(POSITION);
                var pending = timeline.pendingByBucket();
                w.computeNanos += System.nanoTime() - start;
                w.events++;
                w.otherWrites++; // the timeline
                long[] byType = w.byType.computeIfAbsent(event.type().typeName(), k -> new long[2]);
                byType[0]++;
                if (!changed) {
                    continue;
                }
                w.changed++;
                w.bucketUpserts += pending.size();
                byType[1] += pending.size();
                w.maxBuckets = Math.max(w.maxBuckets, pending.size());
                PetitionState state = timeline.getState();
                if (state.countable()) {
                    w.otherWrites += 2L * Dimension.values().length;
                    if (state.authorityId() != null && state.authorityName() != null) {
                        w.otherWrites++;
                    }
                }
                Set<String> provinces = timeline.getEvents().stream()
                        .map(TimelineEntry::provinceCode)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet());
                w.otherWrites += provinces.stream()
                        .filter(p -> !p.equals(state.provinceCode()))
                        .count();
                if (state.provinceCode() != null) {
                    w.otherWrites++;
                }
                timeline.pendingDone();
            }
        }
        return w;
    }

    // --- the store

    Map<String, Long> counts(ProjectionVersion version) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String c : List.of(
                Buckets.COLLECTION,
                PetitionTimeline.COLLECTION,
                OpenCases.OpenCase.COLLECTION,
                ReportGroups.COLLECTION,
                ReportGroups.AUTHORITIES)) {
            // the collection's own count: countDocuments is an aggregation, which the embedded store runs as a scan
            counts.put(c, mongo.getCollection(version.collection(c)).estimatedDocumentCount());
        }
        return counts;
    }

    static long heapUsedMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    // --- queries

    Http as(String user) {
        return Http.at(port).withBasic(user, user);
    }

    /** The national received over the whole span, as an admin reads it: one row per province. */
    long nationalReceived() {
        Http.Response response = as("admin")
                .get("/api/v1/reports/resolution?groupBy=province&period=range&from=2025-01-01&to=2026-12-31");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        long received = 0;
        for (JsonNode row : response.json().get("rows")) {
            received += row.get("received").asLong();
        }
        return received;
    }

    List<Latency> queries() {
        List<Latency> latencies = new ArrayList<>();
        for (Query q : QUERIES) {
            Http http = as(q.user());
            if (q.csv()) {
                http = http.withHeader("Accept", "text/csv");
            }
            String path = "/api/v1/reports" + q.path();
            for (int i = 0; i < QUERY_WARM_UP; i++) {
                http.get(path);
            }
            double[] millis = new double[QUERY_RUNS];
            Http.Response last = null;
            for (int i = 0; i < QUERY_RUNS; i++) {
                long start = System.nanoTime();
                last = http.get(path);
                millis[i] = (System.nanoTime() - start) / 1e6;
                assertThat(last.status()).as(q.name() + ": " + last.body()).isEqualTo(200);
            }
            Arrays.sort(millis);
            int rows;
            String note = "";
            if (q.csv()) {
                rows = (int) last.body().lines().count() - 1;
            } else if (q.path().startsWith("/repeats")) {
                JsonNode body = last.json();
                rows = body.get("byCommune").size() + body.get("byCategory").size();
            } else if (q.path().startsWith("/overdue")) {
                JsonNode body = last.json();
                rows = body.get("cases").size();
                note = "total " + body.get("total").asLong() + " overdue";
            } else {
                rows = last.json().get("rows").size();
            }
            assertThat(rows).as(q.name() + " returns rows").isPositive();
            Latency latency = new Latency(
                    q,
                    rows,
                    last.body().getBytes(StandardCharsets.UTF_8).length,
                    nearestRank(millis, 0.5),
                    nearestRank(millis, 0.95),
                    millis[millis.length - 1],
                    note);
            System.out.printf(
                    Locale.ROOT,
                    "%-45s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %5d rows %s%n",
                    q.name(),
                    latency.p50(),
                    latency.p95(),
                    latency.max(),
                    rows,
                    note);
            latencies.add(latency);
        }
        return latencies;
    }

    static double nearestRank(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    static double nearestRank(long[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    // --- the report

    static void print(Scale s) {
        System.out.printf(
                Locale.ROOT,
                "scale %s: %,d petitions, %,d buckets, heap %,d MB, national received %,d%n",
                s.name(),
                s.petitions(),
                s.counts().get(Buckets.COLLECTION),
                s.heapUsedMb(),
                s.nationalReceived());
    }

    String report(Scale s1, Scale s2, String loadAtStart, int communes) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        StringBuilder rates = new StringBuilder();
        for (Scale s : List.of(s1, s2)) {
            for (Rate r : List.of(s.one(), s.two())) {
                rates.append(String.format(
                        Locale.ROOT,
                        "| %,d | %d | %,d | %,d | %.1f s | **%,.0f** |%n",
                        s.petitions(),
                        r.threads(),
                        r.petitions(),
                        r.events(),
                        r.seconds(),
                        r.perSecond()));
            }
        }
        StringBuilder perEvent = new StringBuilder();
        for (Scale s : List.of(s1, s2)) {
            long[] n = s.one().eventNanos();
            perEvent.append(String.format(
                    Locale.ROOT,
                    "| %,d | %.2f | %.2f | %.2f | %.1f | %.2f |%n",
                    s.petitions(),
                    nearestRank(n, 0.5) / 1e6,
                    nearestRank(n, 0.95) / 1e6,
                    nearestRank(n, 0.99) / 1e6,
                    n[n.length - 1] / 1e6,
                    s.writes().computeNanos / 1e6 / s.writes().events));
        }
        StringBuilder writes = new StringBuilder();
        s1.writes()
                .byType
                .forEach((type, v) -> writes.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %,d | %.1f |%n",
                        type.replace("vn.gandan.", ""),
                        v[0],
                        (double) v[1] / v[0])));
        StringBuilder store = new StringBuilder();
        for (String c : s1.counts().keySet()) {
            store.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %,d | %,d |%n",
                    c,
                    s1.counts().get(c),
                    s2.counts().get(c)));
        }
        StringBuilder sizes = new StringBuilder();
        for (BucketSize a : s1.sizes()) {
            BucketSize b = s2.sizes().stream()
                    .filter(x -> x.id().equals(a.id()))
                    .findFirst()
                    .orElse(new BucketSize(a.id(), 0, 0, 0, 0));
            sizes.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %,d B, %d days, %,d fields, %d marks | %,d B, %d days, %,d fields, %d marks |%n",
                    a.id().replace("|", "\\|"), // a pipe inside a table cell
                    a.bytes(),
                    a.changeDays(),
                    a.leaves(),
                    a.marks(),
                    b.bytes(),
                    b.changeDays(),
                    b.leaves(),
                    b.marks()));
        }
        StringBuilder queries = new StringBuilder();
        for (int i = 0; i < s1.queries().size(); i++) {
            Latency a = s1.queries().get(i);
            Latency b = s2.queries().get(i);
            queries.append(String.format(
                    Locale.ROOT,
                    "| %s (%s) | %d | %.1f / %.1f / %.1f | %d | %.1f / %.1f / %.1f | %s |%n",
                    a.query().name(),
                    a.query().user(),
                    a.rows(),
                    a.p50(),
                    a.p95(),
                    a.max(),
                    b.rows(),
                    b.p50(),
                    b.p95(),
                    b.max(),
                    (a.note().isEmpty() ? "" : "10 k: " + a.note() + "; ")
                            + (b.note().isEmpty() ? "" : "1 M: " + b.note())));
        }
        StringBuilder paths = new StringBuilder();
        QUERIES.forEach(q -> paths.append("- ")
                .append(q.name())
                .append(": `")
                .append(q.csv() ? "Accept: text/csv " : "")
                .append("/api/v1/reports")
                .append(q.path())
                .append("`\n"));
        return """
                # Reporting projection: events applied per second and query latency (%s)

                `ResolutionBenchmark` (reporting-service, test scope), issue 6. The service in one JVM
                (`@SpringBootTest`, random port, profile `local`) on the test infrastructure: store: %s, reached
                over loopback by the real MongoDB driver. Events go straight to
                `ResolutionProjector.apply(event, versions.active(), position)`: the Kafka listener adds only
                the deserialization of the record, not measured here.

                ```
                export TEST_INFRA=inprocess
                BENCH_STORE=%s ./mvnw -B -o -pl reporting-service test -Dtest=ResolutionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx14g -Dsurefire.exitTimeout=600
                ```

                (`BENCH_STORE` memory, h2 or plain; `BENCH_PETITIONS_SMALL`, `BENCH_PETITIONS_LARGE`,
                `BENCH_PETITIONS_APPLIED`, system properties or environment; here %,d, %,d and %,d.)

                | | |
                |---|---|
                | Machine | %s, %d cores available to the JVM |
                | JDK | %s %s |
                | OS | %s %s %s |
                | Heap | max %,d MB |
                | Load average at the start | %s |
                | Petitions | `BenchmarkStories`, fixed seeds: provinces %s (%d communes, every one real, 1 in 20 petitions without a commune), received 2025-01-01 to 2026-10-31, every category, kind and channel; submitted (1 in 20 entered 1-3 days after receipt), routed (1 in 25 after triage; 1 in 7 to the province), acknowledged (4 in 5), transferred (1 in 6), deadline extended (1 in 8), escalated (1 in 10), a notification failed (1 in 10); resolved (6 in 10, a third then closed), rejected (1 in 10), open (3 in 10); 1 in 8 handled reopened, half resolved again. Nothing after 2026-11-30: what would have happened later is still open |

                ## Events applied per second

                Each scale's petitions are applied in two halves, in the order their events happened: the first
                half on one thread, the second on two (petitions split by id, as Kafka partitions split them; a
                petition's events in order on its thread). A warm-up of %,d petitions into a scratch version,
                dropped before, lets the JIT compile the projector first. At scale 2 the applied petitions come on
                top of the bulk-loaded ones.

                | Store (petitions) | Threads | Petitions applied | Events | Time | Events/s |
                |---|---|---|---|---|---|
                %s
                Per event on one thread, ms (`apply` timed alone), and the part of it that is the projector's own
                arithmetic (deriving the state, the contributions and the changes by day, the difference),
                measured by replaying the same events through a `PetitionTimeline` in memory:

                | Store (petitions) | p50 | p95 | p99 | max | in-memory arithmetic, mean |
                |---|---|---|---|---|---|
                %s
                **Documents written per event** (modelled on the projector's code, counted on the scale 1 events;
                an upper bound): %.2f on average, of which %.2f bucket upserts (one per bucket of the pending
                difference; at most %d for one event), all sent as one unordered bulk write; the rest the
                timeline's save, the pending cleared, at most %d group upserts (`report_groups`, one bulk write,
                counted here as if every value were new, though only values the petition had not counted before
                are written) and the authority's name, and the open case's save or removal; plus 2 reads (the
                active version, the timeline by `_id`). %,d of %,d events changed the figures.

                | Event type | Events | Bucket upserts per event |
                |---|---|---|
                %s
                ## Store

                | Collection | Scale 1 (%,d) | Scale 2 (%,d) |
                |---|---|---|
                %s
                Heap used after a full GC with everything loaded: %,d MB at scale 1, %,d MB at scale 2.

                Some bucket documents (BSON size; days kept under `changes`; number fields, the changes' included;
                high-water marks under `hw`):

                | Bucket | Scale 1 | Scale 2 |
                |---|---|---|
                %s
                **Scale 2's bulk load** (`BenchmarkBulkLoad`): %,d petitions summed in %.0f s, %,d bucket fields in
                all, %,d bucket documents written in %.0f s. Each petition's contribution is computed by the
                projector's code (`Buckets.contributionOf` of `PetitionState.derive` of its whole timeline, plus
                `Buckets.changesOf` its events, which is what its per-event pending differences add up to; groups
                by `Dimension.valueOf`; the open cases through `OpenCases.record`), summed in memory and inserted
                in batches of 1,000, dotted fields as nested documents as `$inc` leaves them. Each bucket is given
                the high-water marks the live listener would have left at most (%d: one per topic and partition).
                The bulk-loaded petitions' timelines are not written: applying an event reads only its own
                petition's timeline, by `_id`, so the other timelines change nothing of its cost but the
                collection's size (on MongoDB a B-tree one level deeper at most).

                ## Query latency

                Over HTTP (HTTP Basic; `analyst` is province 40's, `admin` national), one at a time: %d warm-up
                calls, then %d timed; p50 / p95 / max in ms, and the rows of the last answer.

                | Query | Rows (10 k) | 10 k: p50 / p95 / max | Rows (1 M) | 1 M: p50 / p95 / max | |
                |---|---|---|---|---|---|
                %s
                %s
                National `received` over 2025-2026 (admin, by province): %,d at scale 1 (%,d petitions), %,d at
                scale 2 (%,d loaded + %,d applied).
                """.formatted(
                        LocalDate.now(),
                        storeDescription(),
                        STORE.code(),
                        SMALL,
                        LARGE,
                        APPLIED_AT_LARGE,
                        cpuModel(),
                        os.getAvailableProcessors(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("os.arch"),
                        Runtime.getRuntime().maxMemory() >> 20,
                        loadAtStart,
                        String.join(", ", BenchmarkStories.PROVINCES),
                        communes,
                        WARM_UP_PETITIONS,
                        rates,
                        perEvent,
                        s1.writes().writesPerEvent(),
                        s1.writes().bucketsPerEvent(),
                        s1.writes().maxBuckets,
                        2 * Dimension.values().length,
                        s1.writes().changed,
                        s1.writes().events,
                        writes,
                        s1.petitions(),
                        s2.petitions(),
                        store,
                        s1.heapUsedMb(),
                        s2.heapUsedMb(),
                        sizes,
                        s2.bulkLoaded(),
                        s2.bulkAggregate().toMillis() / 1e3,
                        s2.bulkFields(),
                        s2.counts().get(Buckets.COLLECTION),
                        s2.bulkWrite().toMillis() / 1e3,
                        BenchmarkBulkLoad.MARKS,
                        QUERY_WARM_UP,
                        QUERY_RUNS,
                        queries,
                        paths,
                        s1.nationalReceived(),
                        s1.petitions(),
                        s2.nationalReceived(),
                        s2.bulkLoaded(),
                        s2.petitions() - s2.bulkLoaded());
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static int setting(String name, int fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank()
                ? fallback
                : Integer.parseInt(value.trim().replace("_", ""));
    }
}
