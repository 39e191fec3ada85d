package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.gandan.support.outbox.OutboxProperties;

class KafkaEventsPropertiesUnitTests {

    @Test
    void unsetKafkaPropertiesTakeTheirDefaults() {
        var properties = new KafkaEventsProperties(0, 0, 0, null);

        assertThat(properties.partitions()).isEqualTo(6);
        assertThat(properties.replicas()).isZero();
        assertThat(properties.retryAttempts()).isEqualTo(3);
        assertThat(properties.retryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.outageBackoffMax()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.minInsyncReplicas()).isZero();
        assertThat(properties.eventRetention()).isNull();
        assertThat(properties.deadLetterRetention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void setKafkaPropertiesAreKept() {
        var properties =
                new KafkaEventsProperties(3, 2, 5, Duration.ofSeconds(2), 2, null, null, Duration.ofSeconds(30));

        assertThat(properties)
                .isEqualTo(new KafkaEventsProperties(
                        3, 2, 5, Duration.ofSeconds(2), 2, null, null, Duration.ofSeconds(30)));
    }

    @Test
    void unsetOutboxPropertiesTakeTheirDefaults() {
        var properties = new OutboxProperties(null, 0, null, null, null, 0);

        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.batchSize()).isEqualTo(100);
        assertThat(properties.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(properties.maxPending()).isEqualTo(100_000);
    }
}
