package vn.gandan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, for the report.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes physical memory, or 0 if unknown
 * @param cpuModel such as "Intel(R) Xeon(R) ...", or "unknown"
 * @param os name, version and architecture
 * @param java the driver's runtime: version and vendor
 * @param loadAverage the 1, 5 and 15 minute load averages when detected, such as {@code "0.48 0.20 0.21"},
 *     or "unknown"
 * @param coreSpeed one core's speed when detected ({@link CpuProbe}), in MB/s of SHA-256; 0 if not measured
 */
public record MachineInfo(
        int cores, long memoryBytes, String cpuModel, String os, String java, String loadAverage, double coreSpeed) {

    /** The machine now: call it before the load starts, so that the load average is the machine's own. */
    public static MachineInfo detect() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                memory,
                readCpuModel().orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                readLoadAverage(),
                CpuProbe.sha256MegabytesPerSecond(Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    /** Such as "SHA-256 at 612 MB/s on one thread", or "not measured". */
    public String coreSpeedSummary() {
        return coreSpeed > 0
                ? String.format(Locale.ROOT, "SHA-256 at %.0f MB/s on one thread", coreSpeed)
                : "not measured";
    }

    /** From Linux's /proc/loadavg (1, 5, 15 minutes), else the JVM's 1-minute figure. */
    private static String readLoadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            if (f.length >= 3) {
                return f[0] + " " + f[1] + " " + f[2];
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: below
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 minute)", one);
    }

    private static Optional<String> readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Such as "23.4 GiB", or "unknown". */
    public String memory() {
        return memoryBytes > 0
                ? String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024))
                : "unknown";
    }

    /** Such as "2 cores, 23.4 GiB". */
    public String summary() {
        return cores + " cores, " + memory() + (memoryBytes > 0 ? "" : " memory");
    }
}
