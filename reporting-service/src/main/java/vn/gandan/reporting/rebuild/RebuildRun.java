package vn.gandan.reporting.rebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import vn.gandan.reporting.version.ProjectionVersion;

/** The progress of one rebuild, written by its thread and read by status requests (hence synchronized). */
final class RebuildRun {

    private final ProjectionVersion from;
    private final ProjectionVersion target;
    private final Instant startedAt;
    private final int reasonsKept;
    private final Map<String, long[]> partitions = new TreeMap<>(); // {offset, end offset}
    private final List<String> skippedReasons = new ArrayList<>();
    private String state = "replaying";
    private String reason;
    private long applied;
    private long skipped;
    private Instant switchedAt;
    private Instant finishedAt;

    RebuildRun(ProjectionVersion from, ProjectionVersion target, Instant startedAt, int reasonsKept) {
        this.from = from;
        this.target = target;
        this.startedAt = startedAt;
        this.reasonsKept = reasonsKept;
    }

    ProjectionVersion from() {
        return from;
    }

    ProjectionVersion target() {
        return target;
    }

    Instant startedAt() {
        return startedAt;
    }

    synchronized boolean running() {
        return state.equals("replaying") || state.equals("switched");
    }

    synchronized void endOffsets(Map<TopicPartition, Long> ends) {
        ends.forEach((tp, end) -> partitions.computeIfAbsent(tp.toString(), k -> new long[2])[1] = end);
    }

    synchronized void positions(Map<TopicPartition, Long> positions) {
        positions.forEach((tp, offset) -> partitions.computeIfAbsent(tp.toString(), k -> new long[2])[0] = offset);
    }

    synchronized void applied() {
        applied++;
    }

    synchronized void skipped(String where, String why) {
        skipped++;
        if (skippedReasons.size() < reasonsKept) {
            skippedReasons.add(where + ": " + why);
        }
    }

    synchronized void switched(Instant at) {
        state = "switched";
        switchedAt = at;
    }

    synchronized void done(Instant at) {
        state = "done";
        finishedAt = at;
    }

    synchronized void failed(String why, Instant at) {
        state = "failed";
        reason = why;
        finishedAt = at;
    }

    synchronized RebuildStatus status(ProjectionVersion active) {
        Map<String, RebuildStatus.Progress> progress = new TreeMap<>();
        partitions.forEach((tp, p) -> progress.put(tp, new RebuildStatus.Progress(p[0], p[1])));
        return new RebuildStatus(
                state,
                reason,
                active.number(),
                from.number(),
                target.number(),
                applied,
                skipped,
                List.copyOf(skippedReasons),
                progress,
                startedAt,
                switchedAt,
                finishedAt);
    }
}
