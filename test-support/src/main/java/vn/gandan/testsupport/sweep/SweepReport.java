package vn.gandan.testsupport.sweep;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a sweep sent and what it found.
 *
 * @param probes requests sent, by operation
 * @param statuses how often each status was answered
 */
public record SweepReport(
        List<Operation> operations,
        Map<String, Integer> probes,
        Map<Integer, Integer> statuses,
        List<Finding> offenders,
        Duration took) {

    public int sent() {
        return probes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<Finding> serverErrors() {
        return offenders.stream().filter(f -> f.answer().status() >= 500).toList();
    }

    /** For a test's failure message and its log: the counts, then every offender (the first 100). */
    public String describe() {
        return describe(100);
    }

    /** Every offender, to a file a developer reads after a failed run. */
    public void writeTo(java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, describe(Integer.MAX_VALUE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String describe(int offendersShown) {
        String counts = probes.entrySet().stream()
                .map(e -> "  " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
        String found =
                offenders.stream().limit(offendersShown).map(Finding::toString).collect(Collectors.joining("\n"));
        return sent() + " requests over " + operations.size() + " operations in " + took.toMillis() + " ms, statuses "
                + statuses + ", " + offenders.size() + " offenders ("
                + serverErrors().size() + " 5xx)\n" + counts
                + (offenders.isEmpty() ? "" : "\n" + found);
    }
}
