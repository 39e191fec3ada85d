package vn.gandan.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions partitions of the topics a service creates at start-up (consumers scale up to this)
 * @param replicas replication factor of those topics; 0 leaves it to the broker's default
 * @param retryAttempts how often a failing record is retried before it goes to the dead-letter topic
 * @param retryBackoff the first wait between retries; it doubles each time
 * @param outageBackoffMax the longest wait between retries of a record held up by an outage (retried without limit)
 */
@ConfigurationProperties("gandan.kafka")
public record KafkaEventsProperties(
        int partitions, int replicas, int retryAttempts, Duration retryBackoff, Duration outageBackoffMax) {

    public KafkaEventsProperties {
        partitions = partitions > 0 ? partitions : 6;
        retryAttempts = retryAttempts > 0 ? retryAttempts : 3;
        retryBackoff = retryBackoff != null ? retryBackoff : Duration.ofMillis(500);
        outageBackoffMax = outageBackoffMax != null ? outageBackoffMax : Duration.ofSeconds(10);
    }
}
