package vn.gandan.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The figures of a benchmark run as Markdown: results, CPU by process, machine, setup and petition mix. */
public final class MarkdownReport {

    private final String title;
    private final LocalDate date;
    private final MachineInfo machine;
    private final List<String> notes;
    private final List<PhaseResult> results;

    /**
     * @param title the heading, such as "POST /api/v1/petitions"
     * @param date the day of the run
     * @param machine where it ran
     * @param notes lines for the setup section (store, JVM options, command); may be empty
     * @param results the phases, in the order run
     */
    public MarkdownReport(
            String title, LocalDate date, MachineInfo machine, List<String> notes, List<PhaseResult> results) {
        this.title = Objects.requireNonNull(title, "title");
        this.date = Objects.requireNonNull(date, "date");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.notes = List.copyOf(notes);
        this.results = List.copyOf(results);
    }

    public String render() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append(", ").append(date).append("\n\n");
        md.append("Machine: ")
                .append(machine.summary())
                .append(" (")
                .append(machine.cpuModel())
                .append("), ");
        md.append(machine.os()).append("; load average ").append(machine.loadAverage());
        md.append(" when the driver started.\n\n");

        md.append("## Results\n\n");
        appendResults(md, results);
        if (results.stream().anyMatch(r -> !r.cpu().isEmpty())) {
            md.append("## CPU in the measured windows\n\n");
            appendCpu(md, machine, results);
        }
        md.append("## Machine and setup\n\n");
        md.append("- CPU: ")
                .append(machine.cores())
                .append(" cores, ")
                .append(machine.cpuModel())
                .append('\n');
        md.append("- Memory: ").append(machine.memory()).append('\n');
        md.append("- OS: ").append(machine.os()).append('\n');
        md.append("- Load average (1, 5, 15 min) when the driver started: ")
                .append(machine.loadAverage())
                .append('\n');
        md.append("- One core's speed when the driver started: ")
                .append(machine.coreSpeedSummary())
                .append('\n');
        md.append("- Driver's Java: ").append(machine.java()).append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("- Petitions: ").append(PetitionGenerator.MIX).append('\n');
        return md.toString();
    }

    /** The phases' table and a line on each. */
    static void appendResults(StringBuilder md, List<PhaseResult> results) {
        md.append("| Phase | Measured | Sent | 201 | Other statuses | Accepted/s | p50 ms | p95 ms | p99 ms"
                + " | p99.9 ms | max ms |\n");
        md.append("|---|---|--:|--:|---|--:|--:|--:|--:|--:|--:|\n");
        for (PhaseResult r : results) {
            Recording rec = r.recording();
            md.append("| ").append(r.phase().label());
            md.append(" | ")
                    .append(r.measured().toSeconds())
                    .append(" s after ")
                    .append(r.phase().warmup().toSeconds())
                    .append(" s warm-up");
            md.append(" | ").append(rec.total());
            md.append(" | ").append(rec.acceptedCount());
            md.append(" | ").append(others(rec.outcomes(), rec.unsentCount()));
            md.append(" | ").append(String.format(Locale.ROOT, "%.1f", r.acceptedPerSecond()));
            md.append(" | ").append(ms(r.acceptedMillisAt(50)));
            md.append(" | ").append(ms(r.acceptedMillisAt(95)));
            md.append(" | ").append(ms(r.acceptedMillisAt(99)));
            md.append(" | ").append(ms(r.acceptedMillisAt(99.9)));
            md.append(" | ").append(ms(r.acceptedMaxMillis()));
            md.append(" |\n");
        }
        md.append("\nLatency is that of accepted submissions (201), to the whole response. At a fixed rate it is"
                + " measured from the time each request was due, whether or not the driver could send it then"
                + " (no coordinated omission); at max throughput, from the send (closed loop: at most one request"
                + " in flight per worker).\n\n");

        for (PhaseResult r : results) {
            Recording rec = r.recording();
            md.append("**").append(r.phase().label()).append("**: ");
            List<String> parts = new ArrayList<>();
            if (r.phase().mode() == Phase.Mode.FIXED_RATE) {
                parts.add(String.format(
                        Locale.ROOT,
                        "%d due, %d sent (%.1f/s) by up to %d connections; largest send lag %s ms",
                        r.offered(),
                        rec.total(),
                        r.sentPerSecond(),
                        r.connections(),
                        ms(rec.maxSendLagMicros() / 1000.0)));
                if (rec.unsentCount() > 0 || rec.total() < 0.98 * r.offered()) {
                    parts.add(String.format(
                            Locale.ROOT,
                            "**the system did not keep up with %d/s**: %d due requests were never sent, and the"
                                    + " latencies include the wait for a free connection",
                            r.phase().load(),
                            rec.unsentCount()));
                }
            } else {
                parts.add(String.format(
                        Locale.ROOT, "%d responses in the window (%.1f/s)", rec.total(), r.sentPerSecond()));
            }
            parts.add("outcomes " + outcomes(rec.outcomes()));
            if (rec.all().getTotalCount() > rec.accepted().getTotalCount()) {
                parts.add("all responses p50/p99/max " + ms(PhaseResult.millisAt(rec.all(), 50)) + "/"
                        + ms(PhaseResult.millisAt(rec.all(), 99)) + "/"
                        + ms(rec.all().getMaxValue() / 1000.0)
                        + " ms");
            }
            md.append(String.join("; ", parts)).append(".\n");
            rec.samples().forEach((outcome, sample) -> md.append("  Sample ")
                    .append(outcome)
                    .append(": `")
                    .append(sample.replace('`', '\'').replace('\n', ' '))
                    .append("`\n"));
            md.append('\n');
        }
    }

    /** CPU of each process in each phase's window, in percent of one core. */
    static void appendCpu(StringBuilder md, MachineInfo machine, List<PhaseResult> results) {
        Set<String> processes = new LinkedHashSet<>();
        results.forEach(r -> r.cpu().forEach(u -> processes.add(u.name())));
        if (!processes.isEmpty()) {
            md.append("Percent of one core (").append(machine.cores()).append(" cores: ");
            md.append(machine.cores() * 100).append("% is all of them).\n\n");
            md.append("| Process |");
            results.forEach(r -> md.append(' ').append(r.phase().label()).append(" |"));
            md.append("\n|---|");
            results.forEach(r -> md.append("--:|"));
            md.append('\n');
            for (String process : processes) {
                md.append("| ").append(process).append(" |");
                for (PhaseResult r : results) {
                    String value = r.cpu().stream()
                            .filter(u -> u.name().equals(process))
                            .findFirst()
                            .map(u -> String.format(Locale.ROOT, "%.0f%%", u.percentOfOneCore()))
                            .orElse("");
                    md.append(' ').append(value).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    /** The outcomes other than 201, such as "400 × 2, 429 × 10", or "0". */
    static String others(Map<String, Long> outcomes) {
        return others(outcomes, 0);
    }

    /** As {@link #others(Map)}, with the requests due but never sent last. */
    static String others(Map<String, Long> outcomes, long unsent) {
        String others = outcomes.entrySet().stream()
                .filter(e -> !e.getKey().equals("201"))
                .map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining(", "));
        if (unsent > 0) {
            others = (others.isEmpty() ? "" : others + ", ") + "never sent × " + unsent;
        }
        return others.isEmpty() ? "0" : others;
    }

    private static String outcomes(Map<String, Long> outcomes) {
        if (outcomes.isEmpty()) {
            return "none";
        }
        return outcomes.entrySet().stream()
                .map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Milliseconds with about three significant digits; "–" when there is no value. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f", millis);
        }
        if (millis < 100) {
            return String.format(Locale.ROOT, "%.1f", millis);
        }
        return String.format(Locale.ROOT, "%.0f", millis);
    }
}
