package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import vn.gandan.events.Topics;

class GandanTopicsUnitTests {

    @Test
    void withTheDefaultsEventTopicsKeepEverythingAndTheBrokerChoosesReplication() {
        var topics = byName(GandanTopics.of(new KafkaEventsProperties(0, 0, 0, null), "routing"));

        assertThat(topics)
                .containsOnlyKeys(
                        Topics.INTAKE_PETITIONS,
                        Topics.ROUTING_CASES,
                        Topics.NOTIFICATION_DELIVERIES,
                        "gandan.routing.dlt");
        NewTopic petitions = topics.get(Topics.INTAKE_PETITIONS);
        assertThat(petitions.numPartitions()).isEqualTo(6);
        assertThat(petitions.replicationFactor()).isEqualTo((short) -1);
        assertThat(petitions.configs()).isEqualTo(Map.of("retention.ms", "-1"));
        assertThat(topics.get("gandan.routing.dlt").configs())
                .isEqualTo(Map.of(
                        "retention.ms", String.valueOf(Duration.ofDays(90).toMillis())));
    }

    @Test
    void productionSettingsReachEveryTopic() {
        var properties = new KafkaEventsProperties(12, 3, 0, null, 2, Duration.ofDays(3650), Duration.ofDays(30), null);

        for (NewTopic topic : GandanTopics.of(properties, "notification")) {
            assertThat(topic.numPartitions()).as(topic.name()).isEqualTo(12);
            assertThat(topic.replicationFactor()).as(topic.name()).isEqualTo((short) 3);
            assertThat(topic.configs()).as(topic.name()).containsEntry("min.insync.replicas", "2");
        }
        var topics = byName(GandanTopics.of(properties, "notification"));
        assertThat(topics.get(Topics.ROUTING_CASES).configs())
                .containsEntry(
                        "retention.ms", String.valueOf(Duration.ofDays(3650).toMillis()));
        assertThat(topics.get("gandan.notification.dlt").configs())
                .containsEntry(
                        "retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
    }

    @Test
    void aZeroOrNegativeEventRetentionMeansForEver() {
        assertThat(new KafkaEventsProperties(0, 0, 0, null, 0, Duration.ZERO, null, null).eventRetentionMs())
                .isEqualTo(-1);
        assertThat(new KafkaEventsProperties(0, 0, 0, null, 0, Duration.ofMillis(-1), null, null).eventRetentionMs())
                .isEqualTo(-1);
    }

    @Test
    void aTopicsOwnConfigsWinOverTheSharedOnes() {
        var properties = new KafkaEventsProperties(3, 3, 0, null, 2, null, null, null);

        NewTopic topic = GandanTopics.topic(
                properties, "gandan.example", Map.of("min.insync.replicas", "1", "cleanup.policy", "compact"));

        assertThat(topic.configs()).isEqualTo(Map.of("min.insync.replicas", "1", "cleanup.policy", "compact"));
        assertThat(Optional.of(topic.replicationFactor())).contains((short) 3);
    }

    private static Map<String, NewTopic> byName(NewTopic[] topics) {
        return Arrays.stream(topics).collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
