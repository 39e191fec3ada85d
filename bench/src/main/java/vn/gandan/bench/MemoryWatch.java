package vn.gandan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident memory of the watched processes (Linux {@code /proc/<pid>/status}): now and the peak so far. */
public final class MemoryWatch {

    /** Kibibytes; 0 when unknown. */
    public record Memory(long rssKib, long peakKib) {}

    private MemoryWatch() {}

    public static Map<String, Memory> read(Map<String, Long> pids) {
        Map<String, Memory> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, of(Path.of("/proc", Long.toString(pid), "status"))));
        out.put(CpuWatch.DRIVER, of(Path.of("/proc/self/status")));
        return out;
    }

    static Memory of(Path status) {
        try {
            return parse(Files.readString(status));
        } catch (IOException | RuntimeException e) {
            return new Memory(0, 0);
        }
    }

    /** {@code VmRSS} and {@code VmHWM} of a status file. */
    static Memory parse(String status) {
        long rss = 0;
        long peak = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            }
        }
        return new Memory(rss, peak);
    }

    private static long kib(String line) {
        return Long.parseLong(
                line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
    }
}
