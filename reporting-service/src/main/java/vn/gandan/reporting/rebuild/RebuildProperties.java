package vn.gandan.reporting.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a rebuild.
 *
 * @param pollSize the most records one poll of the replaying consumer returns ({@code max.poll.records})
 * @param pollTimeout how long one poll waits for records
 * @param timeout how long a whole rebuild may take before it fails (and, if not yet switched, switches nothing)
 * @param skippedReasonsKept how many reasons of skipped records the status shows (the count is complete)
 */
@ConfigurationProperties("gandan.reporting.rebuild")
public record RebuildProperties(
        @DefaultValue("500") int pollSize,
        @DefaultValue("1s") Duration pollTimeout,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("20") int skippedReasonsKept) {}
