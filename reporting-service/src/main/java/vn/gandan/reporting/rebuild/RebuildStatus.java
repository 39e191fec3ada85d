package vn.gandan.reporting.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/admin/projections/rebuild} shows.
 *
 * @param state {@code idle}, {@code replaying}, {@code switched} (the new version is active, catching up),
 *     {@code done} or {@code failed}
 * @param reason why it failed, else null
 * @param activeVersion the version reads and the live listener use now
 * @param fromVersion the version active when the rebuild started (kept until the next rebuild)
 * @param targetVersion the version being built
 * @param applied records read and applied (replays of the same event included)
 * @param skipped records that could not be read or applied, skipped
 * @param skippedReasons the first of their reasons, {@code topic-partition@offset: reason}
 * @param partitions per {@code topic-partition}: the next offset to read and the end offset to reach
 */
public record RebuildStatus(
        String state,
        String reason,
        int activeVersion,
        Integer fromVersion,
        Integer targetVersion,
        long applied,
        long skipped,
        List<String> skippedReasons,
        Map<String, Progress> partitions,
        Instant startedAt,
        Instant switchedAt,
        Instant finishedAt) {

    public record Progress(long offset, long endOffset) {}
}
