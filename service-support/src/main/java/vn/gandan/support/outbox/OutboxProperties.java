package vn.gandan.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how long the relay sleeps when nothing is pending (a local save wakes it at once)
 * @param batchSize aggregates relayed per round
 * @param linger how long the relay waits after a save woke it, so that the saves right after it share its round
 * @param sendTimeout how long to wait for Kafka to acknowledge
 * @param sweepInterval how often to look in the store for events no relay knows of (an instance crashed after
 *     saving them, before relaying them)
 * @param maxPending how many aggregates with unrelayed events one instance keeps in memory; past it (a long Kafka
 *     outage) the sweep finds the rest once the relay has caught up
 */
@ConfigurationProperties("gandan.outbox")
public record OutboxProperties(
        Duration pollInterval,
        int batchSize,
        Duration sendTimeout,
        Duration sweepInterval,
        Duration linger,
        int maxPending) {

    public OutboxProperties {
        pollInterval = pollInterval != null ? pollInterval : Duration.ofMillis(500);
        batchSize = batchSize > 0 ? batchSize : 100;
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(10);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofMinutes(5);
        linger = linger != null ? linger : Duration.ofMillis(5);
        maxPending = maxPending > 0 ? maxPending : 100_000;
    }
}
