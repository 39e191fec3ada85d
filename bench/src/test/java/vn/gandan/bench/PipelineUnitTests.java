package vn.gandan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's pure logic: metric parsing and differences, per-petition figures, ratios, the flow, the report. */
class PipelineUnitTests {

    private static final String SCRAPE = """
            # HELP mongodb_driver_commands_seconds Timer of mongodb commands
            # TYPE mongodb_driver_commands_seconds summary
            mongodb_driver_commands_seconds_count{cluster_id="a",collection="petitions",command="insert",database="gandan_intake",server_address="127.0.0.1:27017",service="intake-service",status="SUCCESS"} 10
            mongodb_driver_commands_seconds_sum{cluster_id="a",collection="petitions",command="insert",database="gandan_intake",server_address="127.0.0.1:27017",service="intake-service",status="SUCCESS"} 0.5
            mongodb_driver_commands_seconds_count{cluster_id="a",collection="petitions",command="update",database="gandan_intake",server_address="127.0.0.1:27017",service="intake-service",status="SUCCESS"} 20
            mongodb_driver_commands_seconds_count{cluster_id="a",collection="petitions",command="update",database="gandan_intake",server_address="127.0.0.1:27017",service="intake-service",status="FAILED"} 1
            mongodb_driver_commands_seconds_count{cluster_id="a",collection="portal_keys",command="find",database="gandan_intake",server_address="127.0.0.1:27017",service="intake-service",status="SUCCESS"} 7
            mongodb_driver_commands_seconds_count{cluster_id="a",collection="petitions",command="createIndexes",database="gandan_intake",server_address="127.0.0.1:27017",service="intake-service",status="SUCCESS"} 3
            kafka_producer_record_send_total{client_id="intake-service-producer-1",kafka_version="4.2.1",service="intake-service"} 9.0
            kafka_producer_record_send_total{client_id="intake-service-producer-2",kafka_version="4.2.1",service="intake-service"} 1.0
            gandan_outbox_published_total{service="intake-service"} 10.0
            """;

    @Test
    void countsCommandsByNameAndCollectionAndSumsProducers() {
        Counters c = Counters.parse(SCRAPE);

        assertThat(c.commands())
                .containsEntry("insert|petitions", 10L)
                .containsEntry("update|petitions", 21L)
                .containsEntry("find|portal_keys", 7L)
                .containsEntry("createIndexes|petitions", 3L);
        assertThat(c.writes()).isEqualTo(31);
        assertThat(c.reads()).isEqualTo(7);
        assertThat(c.kafkaRecords()).isEqualTo(10);
        assertThat(c.outboxPublished()).isEqualTo(10);
        assertThat(c.writesByCollection())
                .containsEntry("petitions insert", 10L)
                .containsEntry("petitions update", 21L);
    }

    @Test
    void theDifferenceOfTwoScrapesIsTheWorkBetweenThem() {
        Counters before = Counters.parse(SCRAPE);
        Counters after = Counters.parse(SCRAPE.replace("} 10\n", "} 15\n").replace("} 7\n", "} 12\n"));

        Counters diff = after.minus(before);

        assertThat(diff.commands()).containsOnly(Map.entry("insert|petitions", 5L), Map.entry("find|portal_keys", 5L));
        assertThat(diff.kafkaRecords()).isZero();
        assertThat(Counters.NONE.minus(Counters.NONE).writes()).isZero();
    }

    @Test
    void ratiosOfTheCeilings() {
        assertThat(Ratios.perPetition(50, 10)).isEqualTo(5.0);
        assertThat(Ratios.perPetition(50, 0)).isNaN();
        // 100 petitions/s × 8 writes = 800 writes/s of a ceiling of 1,600: half of it.
        assertThat(Ratios.efficiency(100, 8, 1600)).isEqualTo(0.5);
        assertThat(Ratios.efficiency(100, 8, 0)).isNaN();
        assertThat(Ratios.petitionsAllowed(1600, 8)).isEqualTo(200.0);
        assertThat(Ratios.secondsFor(1_000_000, 1000)).isEqualTo(1000.0);

        StoreCeiling.Result store = new StoreCeiling.Result(1000, 3000, 6000, 2000, 1000);
        assertThat(store.bestInsert()).isEqualTo(6000);
        assertThat(store.bestUpdate()).isEqualTo(2000);
        // A quarter inserts: 1 / (0.25 / 6000 + 0.75 / 2000) = 2400 writes/s.
        assertThat(store.mixed(0.25)).isCloseTo(2400, within(1e-6));
        assertThat(Ratios.insertShare(Counters.parse(SCRAPE))).isCloseTo(10.0 / 31, within(1e-9));
    }

    @Test
    void readsProducerPerformancesSummary() {
        String line = "300000 records sent, 52083.3 records/sec (37.55 MB/sec), 410.21 ms avg latency,"
                + " 812.00 ms max latency, 398 ms 50th, 690 ms 95th, 760 ms 99th, 801 ms 99.9th.";

        KafkaCeiling.Result r = KafkaCeiling.parse(line, 756).orElseThrow();

        assertThat(r.records()).isEqualTo(300_000);
        assertThat(r.recordsPerSecond()).isEqualTo(52083.3);
        assertThat(r.mbPerSecond()).isEqualTo(37.55);
        assertThat(r.p50Ms()).isEqualTo(398);
        assertThat(r.p99Ms()).isEqualTo(760);
        assertThat(r.maxMs()).isEqualTo(812);
        assertThat(KafkaCeiling.parse("1000 records sent, 200.0 records/sec", 10))
                .isEmpty();
    }

    @Test
    void followsPetitionsWhoseEventsMayArriveBeforeTheirAnswer() {
        Tracker tracker = new Tracker();
        tracker.routed("a", 1_100_000_000L); // the record before the 201 was read
        tracker.accepted("a", 1_000_000_000L, "p");
        tracker.notified("a", 1_300_000_000L);
        tracker.counted("a", 1_500_000_000L);
        tracker.accepted("b", 1_000_000_000L, "p");
        tracker.triaged("b", 1_200_000_000L);
        tracker.accepted("c", 1_000_000_000L, "p");
        tracker.accepted("d", 1_000_000_000L, null); // warm-up
        tracker.routed("d", 1_050_000_000L);
        tracker.routed("a", 9_000_000_000L); // a duplicate: the first arrival counts

        Tracker.Stats s = tracker.stats("p", 1);

        assertThat(s.accepted()).isEqualTo(3);
        assertThat(s.routed()).isEqualTo(1);
        assertThat(s.triaged()).isEqualTo(1);
        assertThat(s.unrouted()).isEqualTo(1);
        assertThat(s.notified()).isEqualTo(1);
        assertThat(s.counted()).isEqualTo(1);
        assertThat(PipelineReport.ms(s.toRouted(), 99)).isCloseTo(100, within(0.1));
        assertThat(PipelineReport.ms(s.toNotified(), 50)).isCloseTo(300, within(0.3));
        assertThat(PipelineReport.ms(s.toCounted(), 50)).isCloseTo(500, within(0.5));
        assertThat(tracker.undecided()).isEqualTo(1); // c
        assertThat(tracker.acceptedCount()).isEqualTo(4);
        assertThat(tracker.decided("b")).isTrue();
    }

    @Test
    void recognisesTheRespondersNewCaseAndTheRoutingOutcomeInATimeline() {
        assertThat(EventWatch.isResponderNewCase(
                        "{\"purpose\":\"new_case\",\"channel\":\"email\",\"recipient\":\"authority:ubnd-17605\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(EventWatch.isResponderNewCase("{\"purpose\":\"status_change\",\"recipient\":\"portal:x\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(TimelineProbe.countedAsRouted("{\"events\":[{\"type\":\"vn.gandan.petition.routed.v1\"}]}"))
                .isTrue();
        assertThat(TimelineProbe.countedAsRouted("{\"events\":[{\"type\":\"vn.gandan.petition.submitted.v1\"}]}"))
                .isFalse();
        assertThat(LoadDriver.petitionId("{\"id\":\"a2ad7285-28a1\",\"trackingCode\":\"40-M7\"}"))
                .isEqualTo("a2ad7285-28a1");
        assertThat(LoadDriver.petitionId("{}")).isNull();
    }

    @Test
    void readsResidentMemory() {
        MemoryWatch.Memory m = MemoryWatch.parse("Name:\tjava\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\n");

        assertThat(m.rssKib()).isEqualTo(262144);
        assertThat(m.peakKib()).isEqualTo(524288);
    }

    @Test
    void reportsTargetsCostAndExtrapolationsPlainly() {
        Recording rec = new Recording();
        for (int ms = 1; ms <= 100; ms++) {
            rec.response(201, ms * 1000L, null);
        }
        Phase fixed = new Phase(Phase.Mode.FIXED_RATE, 100, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Phase max = new Phase(Phase.Mode.MAX_THROUGHPUT, 4, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Tracker tracker = new Tracker();
        tracker.accepted("a", 1_000L, fixed.label());
        tracker.routed("a", 150_001_000L);
        Map<String, Counters> cost = new LinkedHashMap<>();
        cost.put("intake-service", Counters.parse(SCRAPE));
        PipelineResult.Measured f = new PipelineResult.Measured(
                new PhaseResult(fixed, 64, Duration.ofSeconds(1), rec, List.of()),
                tracker.stats(fixed.label(), 0),
                Duration.ofMillis(66_300),
                cost,
                10,
                Map.of("routing", Map.of("gandan.intake.petitions.v1", 0L)),
                Map.of());
        List<CpuWatch.Usage> cpu = List.of(
                new CpuWatch.Usage(CpuWatch.MACHINE, 196),
                new CpuWatch.Usage(CpuWatch.DRIVER, 60),
                new CpuWatch.Usage("store", 40),
                new CpuWatch.Usage("intake-service", 90));
        PipelineResult.Measured m = new PipelineResult.Measured(
                new PhaseResult(max, 4, Duration.ofSeconds(1), rec, cpu),
                tracker.stats(max.label(), 0),
                null,
                cost,
                10,
                Map.of("reporting", Map.of("gandan.routing.cases.v1", 1200L), "routing", Map.of()),
                Map.of());
        Backfill.Result backfill =
                new Backfill.Result(1_000_000, 20_000, 20_000, Map.of(), 500, 2, 200, 250, 260, true, 0);
        PipelineResult result = new PipelineResult(
                "memory",
                List.of(f, m),
                new StoreCeiling.Result(1000, 3000, 6000, 2000, 1000),
                new KafkaCeiling.Result(1000, 50_000, 30, 5, 20, 4, 10, 756),
                backfill,
                // 2 GiB before, 3 GiB after 20,000: 52.4 KiB each; 980,000 more on top of the 3 GiB: 52.0 GiB
                new StoreHeap.Growth(2L << 20, 3L << 20, 12L << 20, 20_000),
                Map.of("routing", Map.of("gandan.intake.petitions.v1", 3L)),
                Map.of(),
                0,
                5,
                Map.of());
        MachineInfo machine = new MachineInfo(2, 0, "cpu", "Linux", "Java", "0.1 0.2 0.3", 0);

        String md = new PipelineReport(machine, result).render();

        assertThat(md).contains("## Store backend: memory");
        assertThat(md)
                .contains("Load average when the driver started: 0.1 0.2 0.3; one core's speed then: not measured");
        // 31 writes / 10 petitions; 10 Kafka records / 10 petitions.
        assertThat(md).contains("| store writes per petition, all services | ≤ 10 | 3.10 | yes |");
        assertThat(md).contains("| Kafka records per petition, all services | ≤ 5 | 1.00 | yes |");
        assertThat(md).contains("| submission → routed p99 ms (fixed rate 100/s) | < 200 | 150 | yes |");
        assertThat(md).contains("| intake-service | 3.10 | 0.70 | 0.30 | 1.00 | 1.00 |");
        // how long each phase's petitions took to get through after its window, or that they did not in the wait
        assertThat(md).containsPattern("\\| fixed rate 100/s \\| 1 \\|[^\n]*\\| 66\\.3 s \\|\n");
        assertThat(md)
                .containsPattern("\\| max throughput, 4 workers \\|[^\n]*\\| \\*\\*not within the wait\\*\\* \\|\n");
        assertThat(md).contains("**stopped by the time bound**").contains("extrapolated, not measured");
        // 20,000 in 260 s: 76.9/s, so a million in 3 h 36 min.
        assertThat(md).contains("3 h 36 min");
        assertThat(md).contains("| at the end of the run | 3 |");
        // what bounds it, from the run's own figures
        assertThat(md)
                .contains("the machine was at 196% of 200%: CPU-bound")
                .contains("Largest shares: intake-service 90%, store 40%.")
                .contains("far from it, so the services' own work bounds the rate")
                .contains("reporting still had 1,200 records to take")
                .contains("reported 260 s after the first call: reporting bounds it")
                .contains("2,048 MiB before the back-fill, 3,072 MiB after it, so 52.4 KiB per back-filled petition")
                .contains("1,000,000 would need about 52.0 GiB; the store's heap is bounded at 12.0 GiB"
                        + " (**too small for a million**)")
                .contains("**The store's heap.** At 52.4 KiB kept per petition");
        assertThat(PipelineReport.duration(59)).isEqualTo("59 s");
        assertThat(PipelineReport.duration(61)).isEqualTo("1 min 1 s");
    }

    /**
     * A phase cut off before the pipeline finished its petitions has counted only part of their work: its cost is
     * never a target met. The other phase's stands if that one got through; else the row says at least, unknown.
     */
    @Test
    void aCostCountedBeforeThePipelineWasThroughIsNeverATargetMet() {
        Recording rec = new Recording();
        rec.response(201, 1_000L, null);
        Phase fixed = new Phase(Phase.Mode.FIXED_RATE, 100, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Phase max = new Phase(Phase.Mode.MAX_THROUGHPUT, 4, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Tracker tracker = new Tracker();
        Map<String, Counters> cost = Map.of("intake-service", Counters.parse(SCRAPE)); // 31 writes
        MachineInfo machine = new MachineInfo(2, 0, "cpu", "Linux", "Java", "0.1 0.2 0.3", 0);
        java.util.function.BiFunction<Duration, Duration, String> report = (fixedThrough, maxThrough) -> {
            var f = new PipelineResult.Measured(
                    new PhaseResult(fixed, 64, Duration.ofSeconds(1), rec, List.of()),
                    tracker.stats(fixed.label(), 0),
                    fixedThrough,
                    cost,
                    10,
                    Map.of(),
                    Map.of());
            var m = new PipelineResult.Measured(
                    new PhaseResult(max, 4, Duration.ofSeconds(1), rec, List.of()),
                    tracker.stats(max.label(), 0),
                    maxThrough,
                    cost,
                    5,
                    Map.of(),
                    Map.of());
            var result = new PipelineResult(
                    "memory", List.of(f, m), null, null, null, null, Map.of(), Map.of(), 0, 5, Map.of());
            return new PipelineReport(machine, result).render();
        };

        assertThat(report.apply(null, Duration.ofSeconds(3)))
                .as("the max-throughput phase's 31 writes for 5 petitions")
                .contains("| store writes per petition, all services | ≤ 10 | 6.20 | yes |");
        assertThat(report.apply(null, null))
                .contains("| store writes per petition, all services | ≤ 10 |"
                        + " ≥ 3.10 (fixed rate 100/s not through within the wait) | unknown |");
    }
}
