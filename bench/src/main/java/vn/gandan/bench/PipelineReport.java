package vn.gandan.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * One store backend's section of the pipeline report (Markdown): submissions, the flow downstream, the cost per
 * petition, the raw ceilings and the ratios, the bulk import, lag, CPU and memory, and the targets. {@code
 * bench/run.sh} puts the sections of both backends under one heading.
 */
public final class PipelineReport {

    private final MachineInfo machine;
    private final PipelineResult r;

    public PipelineReport(MachineInfo machine, PipelineResult result) {
        this.machine = machine;
        this.r = result;
    }

    public String render() {
        StringBuilder md = new StringBuilder();
        md.append("## Store backend: ").append(r.backend()).append("\n\n");
        md.append("Load average when the driver started: ")
                .append(machine.loadAverage())
                .append("; one core's speed then: ")
                .append(machine.coreSpeedSummary())
                .append(" (compare runs only where it is close).\n\n");

        md.append("### Targets\n\n");
        targets(md);

        md.append("### Submissions (`POST /api/v1/petitions`)\n\n");
        List<PhaseResult> submissions =
                r.phases().stream().map(PipelineResult.Measured::submissions).toList();
        MarkdownReport.appendResults(md, submissions);

        md.append("### Downstream: routed, responder notified, counted in reporting\n\n");
        flow(md);

        md.append("### Cost per petition, counted\n\n");
        cost(md);

        md.append("### Raw ceilings of the same store and broker, and the pipeline as their share\n\n");
        ceilings(md);

        md.append("### What bounds it\n\n");
        bounds(md);

        if (r.backfill() != null) {
            md.append("### Bulk import (`POST /api/v1/petitions:batch`)\n\n");
            backfill(md);
        }

        md.append("### Consumer lag\n\n");
        lag(md);

        md.append("### CPU and memory of each process\n\n");
        MarkdownReport.appendCpu(md, machine, submissions);
        memory(md);

        md.append("### Record sizes seen on the topics\n\n");
        md.append("| CloudEvents type | Records | Average value B | Average with key and headers B |\n");
        md.append("|---|--:|--:|--:|\n");
        r.sizes()
                .forEach((type, s) -> md.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %d | %.0f | %.0f |%n",
                        type,
                        s.records(),
                        s.averageValue(),
                        s.averageTotal())));
        md.append('\n');
        return md.toString();
    }

    private PipelineResult.Measured phase(Phase.Mode mode) {
        return r.phases().stream()
                .filter(m -> m.submissions().phase().mode() == mode)
                .findFirst()
                .orElse(null);
    }

    /**
     * The phase whose counted cost stands for the pipeline's: the fixed-rate one, or the other when the fixed-rate
     * one was not through within the wait; null if neither was. A count cut off before the pipeline finished its
     * petitions misses the work still to do, so it is low, and is never a target met.
     */
    PipelineResult.Measured costBasis() {
        for (Phase.Mode mode : Phase.Mode.values()) {
            PipelineResult.Measured m = phase(mode);
            if (m != null && m.through() != null) {
                return m;
            }
        }
        return null;
    }

    /** Per petition, from the cost basis; or at least, from a phase not through, which the row says. */
    static String[] perPetition(
            String what, String wanted, long count, PipelineResult.Measured m, boolean through, double bound) {
        double value = Ratios.perPetition(count, m.costPetitions());
        if (through) {
            return row(what, wanted, value, bound, Goal.AT_MOST, "%.2f");
        }
        return new String[] {
            what,
            wanted,
            String.format(
                    Locale.ROOT,
                    "≥ %.2f (%s not through within the wait)",
                    value,
                    m.submissions().phase().label()),
            "unknown"
        };
    }

    private void targets(StringBuilder md) {
        PipelineResult.Measured steady = phase(Phase.Mode.FIXED_RATE);
        PipelineResult.Measured max = phase(Phase.Mode.MAX_THROUGHPUT);
        List<String[]> rows = new ArrayList<>();
        if (max != null) {
            PhaseResult s = max.submissions();
            rows.add(row(
                    "accepted petitions/s (" + s.phase().label() + ")",
                    "≥ 1,000",
                    s.acceptedPerSecond(),
                    1000,
                    Goal.AT_LEAST,
                    "%.1f"));
            rows.add(row("`POST` p99 ms (same)", "< 100", s.acceptedMillisAt(99), 100, Goal.BELOW, "%.0f"));
            rows.add(row(
                    "submission → routed p99 ms (same)",
                    "< 500",
                    ms(max.flow().toRouted(), 99),
                    500,
                    Goal.BELOW,
                    "%.0f"));
            rows.add(counted(max.flow()));
        }
        if (steady != null) {
            String label = steady.submissions().phase().label();
            rows.add(row(
                    "submission → routed p99 ms (" + label + ")",
                    "< 200",
                    ms(steady.flow().toRouted(), 99),
                    200,
                    Goal.BELOW,
                    "%.0f"));
            rows.add(row(
                    "submission → responder notified p99 ms (" + label + ")",
                    "< 500",
                    ms(steady.flow().toNotified(), 99),
                    500,
                    Goal.BELOW,
                    "%.0f"));
        }
        PipelineResult.Measured basis = costBasis();
        PipelineResult.Measured costed = basis != null ? basis : steady != null ? steady : max;
        if (costed != null) {
            Counters total = costed.total();
            rows.add(perPetition(
                    "store writes per petition, all services", "≤ 10", total.writes(), costed, basis != null, 10));
            rows.add(perPetition(
                    "Kafka records per petition, all services", "≤ 5", total.kafkaRecords(), costed, basis != null, 5));
        }
        if (max != null && r.store() != null) {
            double eff = efficiency(max);
            rows.add(row(
                    "efficiency: petitions/s × writes per petition ÷ raw store writes/s",
                    "≥ 50%",
                    eff * 100,
                    50,
                    Goal.AT_LEAST,
                    "%.1f%%"));
        }
        if (r.backfill() != null) {
            Backfill.Result b = r.backfill();
            double minutes = Ratios.secondsFor(1_000_000, b.endToEndPerSecond()) / 60;
            String measured = b.sent() < 1_000_000
                    ? "%.0f min, extrapolated from " + String.format(Locale.ROOT, "%,d", b.accepted())
                    : "%.0f min";
            rows.add(row(
                    "back-fill of 1,000,000 routed and reported, minutes", "< 20", minutes, 20, Goal.BELOW, measured));
        }
        md.append("| Target | Wanted | Measured | Met |\n|---|--:|--:|---|\n");
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        md.append(
                "\nReported, not asserted. What bounds the pipeline where a target is missed: \"What bounds it\" below.\n\n");
    }

    /** Sampled petitions reporting never showed within the probe's wait make the p99 at least that wait. */
    static String[] counted(Tracker.Stats f) {
        String what = "submission → counted in reporting p99 ms (same)";
        if (f.sampled() > 0 && f.counted() < Math.ceil(f.sampled() * 0.99)) {
            return new String[] {
                what,
                "< 2,000",
                String.format(
                        Locale.ROOT,
                        "> %,d: %d of %d sampled not counted within the wait",
                        TimelineProbe.GIVE_UP.toMillis(),
                        f.sampled() - f.counted(),
                        f.sampled()),
                "**no**"
            };
        }
        return row(what, "< 2,000", ms(f.toCounted(), 99), 2000, Goal.BELOW, "%.0f");
    }

    /** How a measured figure meets its target. */
    enum Goal {
        AT_LEAST,
        BELOW,
        AT_MOST;

        boolean met(double value, double bound) {
            switch (this) {
                case AT_LEAST:
                    return value >= bound;
                case BELOW:
                    return value < bound;
                default:
                    return value <= bound;
            }
        }
    }

    static String[] row(String what, String wanted, double value, double bound, Goal goal, String format) {
        String met = Double.isNaN(value) ? "not measured" : goal.met(value, bound) ? "yes" : "**no**";
        return new String[] {what, wanted, Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value), met};
    }

    double efficiency(PipelineResult.Measured max) {
        PipelineResult.Measured basis = costBasis();
        PipelineResult.Measured costed = basis != null ? basis : max;
        Counters total = costed.total();
        double writes = Ratios.perPetition(total.writes(), costed.costPetitions());
        return Ratios.efficiency(
                max.submissions().acceptedPerSecond(), writes, r.store().mixed(Ratios.insertShare(total)));
    }

    private void flow(StringBuilder md) {
        md.append(
                "| Phase | Accepted | Routed | To triage | Not routed | → routed p50 / p95 / p99 / max ms | Notified |"
                        + " → notified p50 / p95 / p99 / max ms | Sampled / counted | → counted p50 / p95 / p99 / max ms"
                        + " | All through after the window |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (PipelineResult.Measured m : r.phases()) {
            Tracker.Stats f = m.flow();
            md.append("| ").append(m.submissions().phase().label());
            md.append(" | ").append(f.accepted());
            md.append(" | ").append(f.routed());
            md.append(" | ").append(f.triaged());
            md.append(" | ").append(f.unrouted());
            md.append(" | ").append(percentiles(f.toRouted()));
            md.append(" | ").append(f.notified());
            md.append(" | ").append(percentiles(f.toNotified()));
            md.append(" | ").append(f.sampled()).append(" / ").append(f.counted());
            if (f.counted() < f.sampled()) {
                md.append(" (**")
                        .append(f.sampled() - f.counted())
                        .append(" not within ")
                        .append(TimelineProbe.GIVE_UP.toSeconds())
                        .append(" s**)");
            }
            md.append(" | ").append(percentiles(f.toCounted()));
            md.append(" | ")
                    .append(
                            m.through() == null
                                    ? "**not within the wait**"
                                    : String.format(
                                            Locale.ROOT, "%.1f s", m.through().toMillis() / 1e3));
            md.append(" |\n");
        }
        md.append("\nThe petitions accepted in each measured window (warm-up not counted), each from the moment its"
                + " request left the driver. **Routed**: its `PetitionRouted` (`ce_type` header, keyed by petition id)"
                + " arrived at the driver, which reads `gandan.routing.cases.v1` without a consumer group; petitions"
                + " routing sends to triage (`PetitionRoutingFailed`: no commune, an ambiguous authority) are counted"
                + " apart and are not in the latency. **Notified**: the responder's `NotificationSent` of purpose"
                + " `new_case` (an e-mail to the local SMTP server) arrived on `gandan.notification.deliveries.v1`."
                + " **Counted**: every " + "n-th petition (`--sample-every`) is followed at reporting-service: its"
                + " timeline (`GET /api/v1/reports/petitions/{id}/timeline` as the analyst of the province) is asked for"
                + " after 50 ms and then every 100 ms until it answers 200 with the routing outcome in it, i.e. until"
                + " reporting's figures hold the petition as routed; latencies are thus up to 100 ms high. "
                + r.timelinePolls() + " timeline requests were made in the run. **All through after the window**:"
                + " how long after the measured window its last petition was routed, notified and counted. A pipeline"
                + " that keeps up with the phase's load takes about its latency; one that does not, the length of the"
                + " backlog it built.\n\n");
    }

    private void cost(StringBuilder md) {
        for (PipelineResult.Measured m : r.phases()) {
            long n = m.costPetitions();
            md.append("**")
                    .append(m.submissions().phase().label())
                    .append("**: ")
                    .append(n)
                    .append(
                            " petitions accepted from the start of its warm-up until they were through the pipeline.\n\n");
            md.append("| Service | Store writes | Store reads | Other commands | Kafka records | Outbox events |\n");
            md.append("|---|--:|--:|--:|--:|--:|\n");
            Map<String, Counters> rows = new java.util.LinkedHashMap<>(m.cost());
            rows.put("**all**", m.total());
            rows.forEach((service, c) -> {
                long other = c.commands().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        - c.writes()
                        - c.reads();
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        service,
                        Ratios.perPetition(c.writes(), n),
                        Ratios.perPetition(c.reads(), n),
                        Ratios.perPetition(other, n),
                        Ratios.perPetition(c.kafkaRecords(), n),
                        Ratios.perPetition(c.outboxPublished(), n)));
            });
            md.append('\n');
        }
        PipelineResult.Measured first = r.phases().isEmpty() ? null : r.phases().get(0);
        if (first != null) {
            md.append("Writes per petition by service and collection (")
                    .append(first.submissions().phase().label())
                    .append("): ");
            List<String> parts = new ArrayList<>();
            first.cost().forEach((service, c) -> c.writesByCollection()
                    .forEach((k, v) -> parts.add(String.format(
                            Locale.ROOT,
                            "%s %s %.2f",
                            service.replace("-service", ""),
                            k,
                            Ratios.perPetition(v, first.costPetitions())))));
            md.append(String.join("; ", parts)).append(".\n\n");
        }
        md.append("Counted from each service's `/actuator/prometheus` before and after: MongoDB commands from Spring"
                + " Boot's Mongo command metrics (`mongodb_driver_commands_seconds_count` by `command`, `collection`;"
                + " writes are insert, update, delete, findAndModify; reads find, getMore, aggregate, count; a command"
                + " that carries several documents counts once), Kafka records from the producers'"
                + " `kafka_producer_record_send_total`, outbox events from `gandan_outbox_published_total`. They include"
                + " the services' own background work in that span (outbox and queue polls, timers) and, in"
                + " reporting's reads, the driver's timeline requests; they exclude nothing.\n\n");
    }

    private void ceilings(StringBuilder md) {
        StoreCeiling.Result s = r.store();
        if (s != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "Store (the same running `LocalMongo`, a scratch database, copies of a real petition document of"
                            + " %d B BSON): insert %,.0f/s from 1 thread, %,.0f/s from 4; replace by `_id` %,.0f/s from"
                            + " 1 thread, %,.0f/s from 4.%n%n",
                    s.documentBytes(),
                    s.insert1(),
                    s.insert4(),
                    s.update1(),
                    s.update4()));
        }
        KafkaCeiling.Result k = r.kafka();
        if (k != null) {
            md.append("Kafka (`org.apache.kafka.tools.ProducerPerformance` against the same broker, `acks=all`, a"
                            + " 6-partition scratch topic, the average `PetitionSubmitted` value size): ")
                    .append(KafkaCeiling.describe(k))
                    .append(".\n\n");
        }
        md.append("| Phase | Petitions/s | Store writes/s | Share of the store's ceiling | Petitions/s the store"
                + " ceiling allows | Kafka records/s | Share of Kafka's ceiling |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|\n");
        PipelineResult.Measured costed = costBasis();
        for (PipelineResult.Measured m : r.phases()) {
            PipelineResult.Measured basis = costed != null ? costed : m;
            Counters total = basis.total();
            double writes = Ratios.perPetition(total.writes(), basis.costPetitions());
            double records = Ratios.perPetition(total.kafkaRecords(), basis.costPetitions());
            double rate = m.submissions().acceptedPerSecond();
            double storeCeiling = s == null ? Double.NaN : s.mixed(Ratios.insertShare(total));
            double kafkaCeiling = k == null ? Double.NaN : k.recordsPerSecond();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.0f | %s | %s | %.0f | %s |%n",
                    m.submissions().phase().label(),
                    rate,
                    rate * writes,
                    percent(Ratios.efficiency(rate, writes, storeCeiling)),
                    number(Ratios.petitionsAllowed(storeCeiling, writes)),
                    rate * records,
                    percent(Ratios.efficiency(rate, records, kafkaCeiling))));
        }
        md.append(
                "\nThe store's ceiling for the pipeline's mix: its best insert and replace rates weighted by the share of"
                        + " inserts among the pipeline's writes. Writes and records per petition are those counted in the"
                        + " fixed-rate phase, or in the other when the fixed-rate one was not through within the wait,"
                        + " applied to each phase's rate (each its own when neither was through: then too low).\n\n");
    }

    /**
     * A first answer from this run's own figures, for each missed target to point at: whether the cores were full and
     * who took them, how near the store came to its ceiling, which consumer was left behind, and what the back-fill
     * waited on. A profile ({@code BENCH_JFR=1}) says why inside a process.
     */
    private void bounds(StringBuilder md) {
        PipelineResult.Measured busiest = phase(Phase.Mode.MAX_THROUGHPUT);
        if (busiest == null) {
            busiest = r.phases().get(r.phases().size() - 1);
        }
        String label = busiest.submissions().phase().label();
        List<CpuWatch.Usage> cpu = busiest.submissions().cpu();
        double all = cpu.stream()
                .filter(u -> u.name().equals(CpuWatch.MACHINE))
                .mapToDouble(CpuWatch.Usage::percentOfOneCore)
                .findFirst()
                .orElse(Double.NaN);
        if (!Double.isNaN(all)) {
            double cores = machine.cores() * 100.0;
            String largest = cpu.stream()
                    .filter(u -> !u.name().equals(CpuWatch.MACHINE)
                            && !u.name().equals(CpuWatch.DRIVER)
                            && !u.name().equals(CpuWatch.OTHERS))
                    .sorted(java.util.Comparator.comparingDouble(CpuWatch.Usage::percentOfOneCore)
                            .reversed())
                    .limit(4)
                    .map(u -> String.format(Locale.ROOT, "%s %.0f%%", u.name(), u.percentOfOneCore()))
                    .collect(java.util.stream.Collectors.joining(", "));
            md.append(String.format(
                    Locale.ROOT,
                    "- **The cores.** In %s the machine was at %.0f%% of %.0f%%: %s. Largest shares: %s.%n",
                    label,
                    all,
                    cores,
                    all >= 0.9 * cores ? "CPU-bound, every process waits on the others" : "not full",
                    largest));
        }
        double share = r.store() == null ? Double.NaN : efficiency(busiest);
        if (!Double.isNaN(share)) {
            md.append(String.format(
                    Locale.ROOT,
                    "- **The store.** Its writes in %s were at %s of the ceiling measured in this run: %s.%n",
                    label,
                    percent(share),
                    share >= 0.5
                            ? "near what the store allows, so the store bounds the rate"
                            : "far from it, so the services' own work bounds the rate, not the store's"));
        }
        busiest.lagAfter().entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(),
                        e.getValue().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()))
                .filter(e -> e.getValue() > 0)
                .max(Map.Entry.comparingByValue())
                .ifPresent(behind -> md.append(String.format(
                        Locale.ROOT,
                        "- **The slowest consumer.** When %s was through, %s still had %,d records to take: it"
                                + " bounds the latency of what comes after it.%n",
                        label,
                        behind.getKey(),
                        behind.getValue())));
        Backfill.Result b = r.backfill();
        if (b != null) {
            boolean reporting = b.reportedSeconds() > b.routedSeconds();
            md.append(String.format(
                    Locale.ROOT,
                    "- **The back-fill.** Sent in %.0f s, all routed %.0f s and reported %.0f s after the first call: %s"
                            + " bounds it.%n",
                    b.sendSeconds(),
                    b.routedSeconds(),
                    b.reportedSeconds(),
                    b.sendSeconds() >= Math.max(b.routedSeconds(), b.reportedSeconds()) - 1
                            ? "intake (sending)"
                            : reporting ? "reporting" : "routing"));
            StoreHeap.Growth heap = r.storeHeap();
            if (heap != null && heap.tooSmallFor(1_000_000)) {
                md.append(String.format(
                        Locale.ROOT,
                        "- **The store's heap.** At %.1f KiB kept per petition, a million back-filled petitions need"
                                + " about %.1f GiB of heap on the memory backend, more than its %.1f GiB.%n",
                        heap.kibPerPetition(),
                        heap.gibFor(1_000_000),
                        heap.maxGib()));
            }
        }
        md.append('\n');
    }

    private void backfill(StringBuilder md) {
        Backfill.Result b = r.backfill();
        md.append(String.format(
                Locale.ROOT,
                "%,d historical petitions asked for (received in the last year, imported with `historical: true`:"
                        + " routed and reported, with no clock and no one told; ADR 0017), in calls of %d from %d"
                        + " concurrent callers: %,d sent, %,d accepted%s, in"
                        + " %.0f s of sending (%.1f accepted/s)%s.%n%n",
                b.target(),
                b.batchSize(),
                b.workers(),
                b.sent(),
                b.accepted(),
                b.otherStatuses().isEmpty() ? "" : " (other: " + b.otherStatuses() + ")",
                b.sendSeconds(),
                b.acceptedPerSecond(),
                b.timeBound() ? ", **stopped by the time bound** before all were sent" : ""));
        md.append(String.format(
                Locale.ROOT,
                "- All accepted ones routed (or in triage) %s after the first call; reported (reporting's group with no"
                        + " lag left on the intake and routing topics) %s after it%s.%n",
                b.routedSeconds() < 0
                        ? "**not within the wait**"
                        : String.format(Locale.ROOT, "%.0f s", b.routedSeconds()),
                b.reportedSeconds() < 0
                        ? "**not within the wait**"
                        : String.format(Locale.ROOT, "%.0f s", b.reportedSeconds()),
                b.undecidedAtEnd() > 0 ? "; " + b.undecidedAtEnd() + " still not routed when the wait ended" : ""));
        double perSecond = b.endToEndPerSecond();
        md.append(String.format(
                Locale.ROOT,
                "- End to end: %.1f petitions/s; at that rate 1,000,000 would take %s%s.%n",
                perSecond,
                duration(Ratios.secondsFor(1_000_000, perSecond)),
                b.sent() < 1_000_000 ? " (**extrapolated, not measured**)" : ""));
        StoreHeap.Growth heap = r.storeHeap();
        if (heap != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "- The store's live heap (in use right after a full collection, `jcmd GC.run`): %,d MiB before the"
                            + " back-fill, %,d MiB after it, so %.1f KiB per back-filled petition. On top of this run's"
                            + " data, 1,000,000 would need about %.1f GiB; the store's heap is bounded at %.1f GiB%s.%n",
                    heap.beforeKib() / 1024,
                    heap.afterKib() / 1024,
                    heap.kibPerPetition(),
                    heap.gibFor(1_000_000),
                    heap.maxGib(),
                    heap.tooSmallFor(1_000_000) ? " (**too small for a million**)" : ""));
        }
        md.append('\n');
    }

    private void lag(StringBuilder md) {
        Set<String> groups = new LinkedHashSet<>(r.lagAtEnd().keySet());
        md.append("Records not yet committed by each consumer group, summed over its topics' partitions.\n\n");
        md.append("| When |");
        groups.forEach(g -> md.append(' ').append(g).append(" |"));
        md.append("\n|---|");
        groups.forEach(g -> md.append("--:|"));
        md.append('\n');
        for (PipelineResult.Measured m : r.phases()) {
            lagRow(md, "after " + m.submissions().phase().label() + " was through", m.lagAfter(), groups);
        }
        lagRow(md, "at the end of the run", r.lagAtEnd(), groups);
        md.append('\n');
        if (r.unrouted() > 0) {
            md.append("**")
                    .append(r.unrouted())
                    .append(" accepted petitions were never seen routed nor in triage.**\n\n");
        } else {
            md.append("Every accepted petition of the run was routed or sent to triage.\n\n");
        }
    }

    private static void lagRow(StringBuilder md, String when, Map<String, Map<String, Long>> lag, Set<String> groups) {
        md.append("| ").append(when).append(" |");
        for (String g : groups) {
            long total = lag.getOrDefault(g, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            md.append(' ').append(total).append(" |");
        }
        md.append('\n');
    }

    private void memory(StringBuilder md) {
        if (r.memoryAtEnd().isEmpty()) {
            return;
        }
        md.append("Resident memory (MiB) at the end of each phase, and the peak of the whole run.\n\n| Process |");
        r.phases()
                .forEach(m ->
                        md.append(' ').append(m.submissions().phase().label()).append(" |"));
        md.append(" peak |\n|---|");
        r.phases().forEach(m -> md.append("--:|"));
        md.append("--:|\n");
        r.memoryAtEnd().forEach((name, end) -> {
            md.append("| ").append(name).append(" |");
            for (PipelineResult.Measured m : r.phases()) {
                MemoryWatch.Memory mem = m.memory().get(name);
                md.append(' ').append(mem == null ? "" : mib(mem.rssKib())).append(" |");
            }
            md.append(' ').append(mib(end.peakKib())).append(" |\n");
        });
        md.append('\n');
    }

    private static String mib(long kib) {
        return kib <= 0 ? "–" : String.format(Locale.ROOT, "%.0f", kib / 1024.0);
    }

    static double ms(Histogram h, double percentile) {
        return PhaseResult.millisAt(h, percentile);
    }

    static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "–";
        }
        return MarkdownReport.ms(ms(h, 50)) + " / " + MarkdownReport.ms(ms(h, 95)) + " / "
                + MarkdownReport.ms(ms(h, 99)) + " / " + MarkdownReport.ms(h.getMaxValue() / 1000.0);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Such as "3 h 12 min" or "45 s". */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        if (s >= 60) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return s + " s";
    }
}
