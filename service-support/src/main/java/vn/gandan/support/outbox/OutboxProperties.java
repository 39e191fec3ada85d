package vn.gandan.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how long the relay sleeps when nothing is pending (a local save wakes it at once)
 * @param batchSize aggregates relayed per round
 * @param linger how long the relay waits after a save woke it, so that the saves right after it share its round
 * @param lease how long one relay instance owns an aggregate's pending events before another may take over
 * @param sendTimeout how long to wait for Kafka to acknowledge
 * @param sweepInterval how often to look for pending events whose hint was lost (a crash between two writes)
 */
@ConfigurationProperties("gandan.outbox")
public record OutboxProperties(
        Duration pollInterval,
        int batchSize,
        Duration lease,
        Duration sendTimeout,
        Duration sweepInterval,
        Duration linger) {

    public OutboxProperties {
        pollInterval = pollInterval != null ? pollInterval : Duration.ofMillis(500);
        batchSize = batchSize > 0 ? batchSize : 100;
        lease = lease != null ? lease : Duration.ofSeconds(30);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(10);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofMinutes(5);
        linger = linger != null ? linger : Duration.ofMillis(5);
    }
}
