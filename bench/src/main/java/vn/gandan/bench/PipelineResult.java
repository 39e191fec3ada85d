package vn.gandan.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one pipeline run measured on one store backend, for {@link PipelineReport}.
 *
 * @param backend the store's backend, such as {@code memory} or {@code h2}
 * @param phases the load phases, in order
 * @param store the store's raw ceiling, or null if not measured
 * @param kafka the broker's raw ceiling, or null if not measured
 * @param backfill the bulk import, or null if not run
 * @param storeHeap the store's live heap before and after the bulk import, or null if not measured
 * @param lagAtEnd consumer lag by group and topic when the run ended
 * @param sizes records seen by CloudEvents type
 * @param unrouted accepted petitions (all phases) never seen routed nor triaged
 * @param timelinePolls the timeline probe's requests to reporting (reads the pipeline itself would not make)
 * @param memoryAtEnd resident memory of each process at the end (peak included)
 */
public record PipelineResult(
        String backend,
        List<Measured> phases,
        StoreCeiling.Result store,
        KafkaCeiling.Result kafka,
        Backfill.Result backfill,
        StoreHeap.Growth storeHeap,
        Map<String, Map<String, Long>> lagAtEnd,
        Map<String, EventWatch.Size> sizes,
        long unrouted,
        long timelinePolls,
        Map<String, MemoryWatch.Memory> memoryAtEnd) {

    /**
     * One load phase: the submissions and what followed downstream.
     *
     * @param submissions the HTTP side (throughput, POST latency, CPU)
     * @param flow submission → routed, notified, counted
     * @param through how long after the window its petitions were all routed, notified and counted; null if not within
     *     the settle time
     * @param cost what each service did from the phase's start until its petitions were through, by service
     * @param costPetitions petitions accepted in that span (warm-up included), which {@code cost} is divided by
     * @param lagAfter consumer lag when the phase's petitions were through (or the wait ended)
     * @param memory resident memory of each process at the end of the phase
     */
    public record Measured(
            PhaseResult submissions,
            Tracker.Stats flow,
            Duration through,
            Map<String, Counters> cost,
            long costPetitions,
            Map<String, Map<String, Long>> lagAfter,
            Map<String, MemoryWatch.Memory> memory) {

        public Counters total() {
            return PipelineResult.total(cost);
        }
    }

    /** The sum over services. */
    static Counters total(Map<String, Counters> byService) {
        Map<String, Long> commands = new java.util.TreeMap<>();
        long kafka = 0;
        long outbox = 0;
        for (Counters c : byService.values()) {
            c.commands().forEach((k, v) -> commands.merge(k, v, Long::sum));
            kafka += c.kafkaRecords();
            outbox += c.outboxPublished();
        }
        return new Counters(commands, kafka, outbox);
    }
}
