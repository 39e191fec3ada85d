package vn.gandan.intake.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.LateKafkaBroker;
import vn.gandan.testsupport.RestartableMongoServer;

/**
 * Intake started while Kafka is down: it accepts and shows petitions (they wait in the outbox), and when a broker
 * comes up at the configured address, each accepted petition's {@code PetitionSubmitted} is published once, on a
 * topic intake created itself with its partition count (the broker, like the local run's, creates none on first
 * use). Kafka client timeouts are short so that the outage costs seconds; the store is the test's own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Each attempt to reach the missing broker gives up quickly (defaults: 30 s, then 10 s to close).
            "spring.kafka.admin.operation-timeout=1s",
            "spring.kafka.admin.close-timeout=1s",
            "spring.kafka.producer.properties.max.block.ms=5000",
            "spring.kafka.producer.properties.request.timeout.ms=3000",
            "spring.kafka.producer.properties.delivery.timeout.ms=8000",
            "gandan.outbox.lease=5s"
        })
@ActiveProfiles("local")
@DirtiesContext
class KafkaOutageIntegrationTests {

    static final RestartableMongoServer store = RestartableMongoServer.start();
    static final LateKafkaBroker kafka = LateKafkaBroker.reserve();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.mongodb.uri", store::uri);
    }

    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class Servers {

        @Bean
        ServersStopWithContext stopServersLast() {
            return new ServersStopWithContext(kafka, store);
        }
    }

    @Test
    void petitionsAcceptedWhileKafkaIsDownArePublishedOnceWhenItReturns() {
        Http portal = Http.at(port).withApiKey("demo-portal-key");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Response created = portal.post("/api/v1/petitions", petition("K-" + UUID.randomUUID()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }

        for (String id : ids) {
            Http.Response shown = portal.get("/api/v1/petitions/" + id);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().get("status").asString()).isEqualTo("submitted");
        }
        assertThat(outboxPending()).as("every petition waits in the outbox").isEqualTo(3.0);
        assertThat(published()).isZero();

        kafka.start();

        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = readUntilEveryKeyIsSeen(ids);
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        // The relay sends again only what Kafka did not acknowledge; nothing reached the broker while it was down,
        // so each petition was written once (a crash between acknowledgement and $pull would make a duplicate).
        byKey.forEach((id, records) -> {
            assertThat(records).as("records for petition " + id).hasSize(1);
            assertThat(KafkaProbe.header(records.get(0), "ce_type")).contains("vn.gandan.petition.submitted.v1");
            assertThat(KafkaProbe.header(records.get(0), "ce_subject")).contains(id);
        });

        TopicDescription topic = kafka.withAdmin(admin -> {
            try {
                return admin.describeTopics(Set.of(Topics.INTAKE_PETITIONS))
                        .allTopicNames()
                        .get()
                        .get(Topics.INTAKE_PETITIONS);
            } catch (Exception e) {
                throw new AssertionError("cannot describe " + Topics.INTAKE_PETITIONS, e);
            }
        });
        assertThat(topic.partitions())
                .as("created by intake with gandan.kafka.partitions")
                .hasSize(6);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outboxPending()).isZero());
        assertThat(published()).isEqualTo(3.0);
    }

    /** Reads the intake topic from its start until every id was seen, then a little longer to catch duplicates. */
    private Map<String, List<ConsumerRecord<String, byte[]>>> readUntilEveryKeyIsSeen(List<String> ids) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "kafka-outage-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.INTAKE_PETITIONS));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            long extraUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, extraUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                }
                if (extraUntil == Long.MAX_VALUE && byKey.keySet().containsAll(ids)) {
                    extraUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        assertThat(byKey.keySet())
                .as("petitions published after Kafka returned")
                .containsAll(ids);
        return byKey;
    }

    private double outboxPending() {
        return Scrape.sample(port, "gandan_outbox_pending");
    }

    private double published() {
        return Scrape.sample(port, "gandan_outbox_published_total");
    }

    static String petition(String reference) {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},"portalReference":"%s"}
                """.formatted(reference);
    }
}
