package vn.gandan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of named processes (the services, the store, Kafka, this driver) and of the whole machine
 * between two snapshots, to tell which process a phase was bound by.
 */
public final class CpuWatch {

    /** Where the whole machine is shown among the usages. */
    public static final String MACHINE = "machine (all cores)";

    public static final String DRIVER = "bench driver (this process)";

    /** The machine's busy time not spent by the watched processes nor the driver: anything else running. */
    public static final String OTHERS = "everything else on the machine";

    /**
     * @param name the process, or {@link #MACHINE}
     * @param percentOfOneCore CPU time over wall time, in percent of one core (200 = two cores busy)
     */
    public record Usage(String name, double percentOfOneCore) {}

    /** CPU times at one moment. */
    public record Snapshot(long nanoTime, Map<String, Duration> cpu, long[] machineTicks) {}

    private final Map<String, Long> pids;

    /** @param pids processes to watch, by the name to show; may be empty */
    public CpuWatch(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    public Snapshot snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) ->
                ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).ifPresent(d -> cpu.put(name, d)));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> cpu.put(DRIVER, d));
        return new Snapshot(System.nanoTime(), cpu, machineTicks().orElse(null));
    }

    /** Usage between two snapshots, the watched processes first, then the driver and the machine. */
    public static List<Usage> between(Snapshot from, Snapshot to) {
        double wallNanos = Math.max(1, to.nanoTime() - from.nanoTime());
        List<Usage> usages = new ArrayList<>();
        to.cpu().forEach((name, end) -> {
            Duration start = from.cpu().get(name);
            if (start != null) {
                usages.add(new Usage(name, 100.0 * end.minus(start).toNanos() / wallNanos));
            }
        });
        if (from.machineTicks() != null && to.machineTicks() != null) {
            long[] a = from.machineTicks();
            long[] b = to.machineTicks();
            long total = b[0] - a[0];
            long idle = b[1] - a[1];
            if (total > 0) {
                int cores = Runtime.getRuntime().availableProcessors();
                double machine = 100.0 * cores * (total - idle) / total;
                double ours =
                        usages.stream().mapToDouble(Usage::percentOfOneCore).sum();
                usages.add(new Usage(OTHERS, Math.max(0, machine - ours)));
                usages.add(new Usage(MACHINE, machine));
            }
        }
        return usages;
    }

    /** {total, idle} jiffies of all CPUs from Linux's /proc/stat; empty elsewhere. */
    static Optional<long[]> machineTicks() {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(stat)) {
            return lines.filter(l -> l.startsWith("cpu ")).findFirst().map(CpuWatch::parseCpuLine);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal ...} → {total, idle + iowait}. */
    static long[] parseCpuLine(String line) {
        String[] f = line.trim().split("\\s+");
        long total = 0;
        // Fields 1..8; guest times (9, 10) are already counted in user and nice.
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[] {total, idle};
    }
}
