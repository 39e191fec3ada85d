package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The names deploy/ sets (compose, Kubernetes ConfigMaps) reach the properties, as environment variables. */
class KafkaEventsPropertiesBindingUnitTests {

    @Test
    void theDeploymentsEnvironmentVariablesBind() {
        var properties = bind(Map.of(
                "GANDAN_KAFKA_PARTITIONS", "12",
                "GANDAN_KAFKA_REPLICAS", "3",
                "GANDAN_KAFKA_MININSYNCREPLICAS", "2",
                "GANDAN_KAFKA_EVENTRETENTION", "3650d",
                "GANDAN_KAFKA_DEADLETTERRETENTION", "30d"));

        assertThat(properties)
                .isEqualTo(
                        new KafkaEventsProperties(12, 3, 0, null, 2, Duration.ofDays(3650), Duration.ofDays(30), null));
    }

    @Test
    void nothingSetBindsTheDefaults() {
        var properties = bind(Map.of("GANDAN_KAFKA_PARTITIONS", "6"));

        assertThat(properties).isEqualTo(new KafkaEventsProperties(6, 0, 0, null));
        assertThat(properties.eventRetentionMs()).isEqualTo(-1);
    }

    private static KafkaEventsProperties bind(Map<String, Object> environment) {
        var env = new StandardEnvironment();
        // Only a source of this name is read with the environment's naming rules (upper case, no dashes).
        env.getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        ConfigurationPropertySources.attach(env);
        return Binder.get(env).bindOrCreate("gandan.kafka", KafkaEventsProperties.class);
    }
}
