package vn.gandan.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How a service talks to Kafka and how it creates its topics at start-up. The defaults suit one local broker;
 * production sets {@code replicas=3} and {@code min-insync-replicas=2} (deploy/k8s). A topic that exists already
 * keeps its configuration: these values apply only when a service creates it (deploy/README.md, "Topics").
 *
 * @param partitions partitions of the topics a service creates at start-up (consumers scale up to this)
 * @param replicas replication factor of those topics; 0 leaves it to the broker's default
 * @param retryAttempts how often a failing record is retried before it goes to the dead-letter topic
 * @param retryBackoff the first wait between retries; it doubles each time
 * @param minInsyncReplicas {@code min.insync.replicas} of those topics (with {@code acks=all}, how many copies a
 *     write needs); 0 leaves it to the broker's default
 * @param eventRetention how long the event topics keep records; unset, zero or negative means for ever, which the
 *     default is because reporting rebuilds its projections by replaying them from the start
 * @param deadLetterRetention how long a dead-letter topic keeps records: long enough to notice, fix and replay
 *     (90 days by default), not for ever, since a dead letter is a copy of an event the event topic still holds
 * @param outageBackoffMax the longest wait between retries of a record held up by an outage (retried without limit)
 */
@ConfigurationProperties("gandan.kafka")
public record KafkaEventsProperties(
        int partitions,
        int replicas,
        int retryAttempts,
        Duration retryBackoff,
        int minInsyncReplicas,
        Duration eventRetention,
        Duration deadLetterRetention,
        Duration outageBackoffMax) {

    /** The one Boot binds (a record with two constructors must say which). */
    @ConstructorBinding
    public KafkaEventsProperties {
        partitions = partitions > 0 ? partitions : 6;
        retryAttempts = retryAttempts > 0 ? retryAttempts : 3;
        retryBackoff = retryBackoff != null ? retryBackoff : Duration.ofMillis(500);
        eventRetention = positive(eventRetention) ? eventRetention : null;
        deadLetterRetention = positive(deadLetterRetention) ? deadLetterRetention : Duration.ofDays(90);
        outageBackoffMax = outageBackoffMax != null ? outageBackoffMax : Duration.ofSeconds(10);
    }

    /** The settings before topic configuration existed: topics keep their records for ever, DLTs 90 days. */
    public KafkaEventsProperties(int partitions, int replicas, int retryAttempts, Duration retryBackoff) {
        this(partitions, replicas, retryAttempts, retryBackoff, 0, null, null, null);
    }

    /** {@code retention.ms} of the event topics: {@code -1} (for ever) unless a positive retention is set. */
    public long eventRetentionMs() {
        return eventRetention == null ? -1 : eventRetention.toMillis();
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
