package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import vn.gandan.events.Topics;
import vn.gandan.support.SupportIntegrationTest;

/** The topics a service creates at start-up carry their retention on the real broker, not the broker's default. */
@SupportIntegrationTest
class TopicsIntegrationTests {

    @Autowired
    KafkaAdmin admin;

    @Test
    void eventTopicsKeepEverythingAndTheDeadLetterTopicNinetyDays() throws Exception {
        Map<String, Config> configs = configsOf(
                Topics.INTAKE_PETITIONS,
                Topics.ROUTING_CASES,
                Topics.NOTIFICATION_DELIVERIES,
                "gandan.support-test.dlt");

        for (String events : List.of(Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES)) {
            assertThat(configs.get(events).get("retention.ms").value())
                    .as(events)
                    .isEqualTo("-1");
        }
        assertThat(configs.get("gandan.support-test.dlt").get("retention.ms").value())
                .isEqualTo(String.valueOf(Duration.ofDays(90).toMillis()));
    }

    private Map<String, Config> configsOf(String... topics) throws Exception {
        try (AdminClient client = AdminClient.create(new HashMap<>(admin.getConfigurationProperties()))) {
            Map<String, Config> configs = new HashMap<>();
            for (String topic : topics) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                configs.put(
                        topic,
                        client.describeConfigs(List.of(resource)).all().get().get(resource));
            }
            return configs;
        }
    }
}
