package vn.gandan.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import vn.gandan.events.Topics;

/**
 * The topics a service declares, with the settings of {@link KafkaEventsProperties}. {@code KafkaAdmin} creates the
 * missing ones at start-up and leaves existing ones as they are (their partitions may grow, their configuration is
 * never changed), so every instance of every service may declare them all.
 */
public final class GandanTopics {

    /** The topics whose records are the system's history: reporting's rebuild replays them from the start. */
    static Stream<String> eventTopics() {
        return Stream.of(Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES);
    }

    private GandanTopics() {}

    /** The three event topics and the dead-letter topic of {@code group}. */
    public static NewTopic[] of(KafkaEventsProperties properties, String group) {
        Map<String, String> events =
                Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.eventRetentionMs()));
        Map<String, String> deadLetters = Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(properties.deadLetterRetention().toMillis()));
        return Stream.concat(
                        eventTopics().map(name -> topic(properties, name, events)),
                        Stream.of(topic(properties, Topics.deadLetter(group), deadLetters)))
                .toArray(NewTopic[]::new);
    }

    /**
     * One topic with the shared partitions, replication factor and {@code min.insync.replicas}, plus its own
     * {@code configs} (which win).
     */
    public static NewTopic topic(KafkaEventsProperties properties, String name, Map<String, String> configs) {
        Optional<Short> replicas =
                properties.replicas() > 0 ? Optional.of((short) properties.replicas()) : Optional.empty();
        Map<String, String> all = new LinkedHashMap<>();
        if (properties.minInsyncReplicas() > 0) {
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()));
        }
        all.putAll(configs);
        return new NewTopic(name, Optional.of(properties.partitions()), replicas).configs(all);
    }
}
