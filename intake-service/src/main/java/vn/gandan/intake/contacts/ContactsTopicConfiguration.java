package vn.gandan.intake.contacts;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gandan.events.Topics;
import vn.gandan.support.kafka.GandanTopics;
import vn.gandan.support.kafka.KafkaEventsProperties;

/**
 * Declares intake's second topic beside the ones every service declares (service-support): the same
 * {@code KafkaAdmin} creates it at start-up, and the outbox relay's topic check creates it later if Kafka was down,
 * so a consent is never published to a topic the broker would create with its defaults (uncompacted, kept for
 * ever).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactsTopicProperties.class)
class ContactsTopicConfiguration {

    /** With the shared partitions, replication and {@code min.insync.replicas} ({@link GandanTopics}). */
    @Bean
    NewTopic contactsTopic(KafkaEventsProperties kafka, ContactsTopicProperties contacts) {
        return GandanTopics.topic(
                kafka,
                Topics.INTAKE_CONTACTS,
                Map.of(
                        // Compaction keeps the last record per petition: after a withdrawal, not the addresses.
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(contacts.retention().toMillis()),
                        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                        String.valueOf(contacts.maxCompactionLag().toMillis())));
    }
}
