package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.Topics;
import vn.gandan.support.kafka.KafkaEventsProperties;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The citizen's consent to notifications over real HTTP, Kafka and MongoDB (docs/adr/0010): its addresses reach
 * the contacts topic once, and nowhere else; its withdrawal follows them there once. Three portals: the demo one of
 * Nghệ An (40), a hotline desk of the same province, and one of Hà Nội (01).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.security.portals[0].id=nghe-an-demo",
            "gandan.security.portals[0].province=40",
            "gandan.security.portals[0].key-sha256=9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90",
            "gandan.security.portals[1].id=ha-noi-test",
            "gandan.security.portals[1].province=01",
            "gandan.security.portals[1].key-sha256=5e64579942598108322e6d945ca76d0285b681d0a1f97bdc8a5aebd03203bc57",
            "gandan.security.portals[2].id=nghe-an-hotline",
            "gandan.security.portals[2].province=40",
            "gandan.security.portals[2].key-sha256=aa484ccba97d638d72a8e780c5c77a4ee45bec9e20e548f4c07d2b5110a91de3"
        })
@ActiveProfiles("local")
@RealInfrastructure
class NotificationConsentIntegrationTests {

    static final String PHONE_E164 = "+84912345678";
    static final String EMAIL = "nguyen.van.an@example.vn";
    static final String CONSENTED = "vn.gandan.citizen.notifications_consented.v1";
    static final String WITHDRAWN = "vn.gandan.citizen.notifications_withdrawn.v1";
    static final JsonMapper json = JsonMapper.builder().build();

    static KafkaProbe intakeTopic;
    static KafkaProbe contactsTopic;

    @LocalServerPort
    int port;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    KafkaEventsProperties kafka;

    @BeforeAll
    static void readTopics() {
        intakeTopic = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
        contactsTopic = KafkaProbe.reading(Topics.INTAKE_CONTACTS);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
        contactsTopic.close();
    }

    Http portal() {
        return Http.at(port).withApiKey("demo-portal-key");
    }

    /** A recommendation whose citizen gives a phone in national form, an e-mail, and {@code notify} (or none). */
    static String petition(String notify) {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678","email":"%s"%s},
                 "portalReference":"C-%s"}
                """.formatted(EMAIL, notify == null ? "" : ",\"notify\":" + notify, UUID.randomUUID());
    }

    String submit(String notify) {
        Http.Response created = portal().post("/api/v1/petitions", petition(notify));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return json.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    static List<ConsumerRecord<String, byte[]>> ofType(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream()
                .filter(r -> KafkaProbe.header(r, "ce_type").orElse("").equals(type))
                .toList();
    }

    @Test
    void aConsentPublishesTheChosenAddressesOnTheContactsTopicOnlyAndOnceAlsoAfterARetry() {
        String body = petition("{\"channels\":[\"zalo\",\"sms\",\"email\",\"sms\"],\"language\":\"en\"}");
        String key = "K-" + UUID.randomUUID();
        Http.Response created = portal().withHeader("Idempotency-Key", key).post("/api/v1/petitions", body);
        Http.Response retried = portal().withHeader("Idempotency-Key", key).post("/api/v1/petitions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        String id = created.json().get("id").asString();
        assertThat(retried.json().get("id").asString()).isEqualTo(id);

        var consent = contactsTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(consent, "ce_type")).contains(CONSENTED);
        assertThat(KafkaProbe.header(consent, "ce_source")).contains("/gandan/intake");
        assertThat(KafkaProbe.header(consent, "ce_subject")).contains(id);
        JsonNode event = payload(consent);
        assertThat(event.get("sms").asString()).isEqualTo(PHONE_E164);
        assertThat(event.get("zalo").asString()).isEqualTo(PHONE_E164);
        assertThat(event.get("email").asString()).isEqualTo(EMAIL);
        assertThat(event.get("language").asString()).isEqualTo("en");
        assertThat(event.get("trackingCode").asString())
                .isEqualTo(created.json().get("trackingCode").asString());
        assertThat(event.has("name")).isFalse();

        var submitted = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(submitted, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(new String(submitted.value(), StandardCharsets.UTF_8))
                .doesNotContain("912345678", "345 678", EMAIL, "example.vn", "zalo", "Nguyễn Văn An");

        assertThat(contactsTopic.recordsWithKey(id, Duration.ofSeconds(3))).hasSize(1);
        assertThat(intakeTopic.recordsWithKey(id, Duration.ZERO))
                .singleElement()
                .satisfies(only ->
                        assertThat(KafkaProbe.header(only, "ce_type")).contains("vn.gandan.petition.submitted.v1"));

        JsonNode shown = portal().get("/api/v1/petitions/" + id).json();
        assertThat(shown.get("notify").get("channels").toString()).isEqualTo("[\"sms\",\"zalo\",\"email\"]");
        assertThat(shown.get("notify").get("language").asString()).isEqualTo("en");
        assertThat(shown.get("notify").has("givenAt")).isTrue();
        assertThat(shown.get("notify").path("withdrawnAt").isNull()).isTrue();
        assertThat(shown.toString()).doesNotContain("912345678", EMAIL);
    }

    @Test
    void onlyTheAddressesOfTheChosenChannelsTravel() {
        String id = submit("{\"channels\":[\"email\"]}");

        JsonNode event = payload(contactsTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20)));

        assertThat(event.get("email").asString()).isEqualTo(EMAIL);
        assertThat(event.has("sms")).isFalse();
        assertThat(event.has("zalo")).isFalse();
        assertThat(event.get("language").asString()).as("the default").isEqualTo("vi");
    }

    @Test
    void withoutConsentNothingReachesTheContactsTopic() {
        String id = submit(null);

        intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(contactsTopic.recordsWithKey(id, Duration.ofSeconds(3))).isEmpty();
        assertThat(portal().get("/api/v1/petitions/" + id).json().has("notify")).isFalse();
    }

    @Test
    void aConsentThatCannotBeKeptIsRefusedNamingTheField() {
        assertThat(reasons(portal(), petition("{\"channels\":[\"sms\",\"fax\"]}")))
                .containsExactly(Map.entry(
                        "citizen.notify.channels", "is not a notification channel: fax (known: sms, zalo, email)"));
        assertThat(reasons(portal(), petition("{\"channels\":[\"fax\",\"" + "x".repeat(500) + "\"]}")))
                .as("the first unknown channel, once")
                .containsOnlyKeys("citizen.notify.channels");
        assertThat(reasons(portal(), petition("{\"channels\":[]}"))).containsOnlyKeys("citizen.notify.channels");
        assertThat(reasons(portal(), petition("{\"channels\":[\"sms\"],\"language\":\"fr\"}")))
                .containsExactly(Map.entry(
                        "citizen.notify.language", "is not a language notifications are sent in: fr (vi or en)"));

        String noPhone = petition("{\"channels\":[\"zalo\",\"sms\"]}").replace("\"phone\":\"0912 345 678\",", "");
        assertThat(reasons(portal(), noPhone))
                .containsExactly(Map.entry("citizen.phone", "is required to notify by sms, zalo"));

        String noEmail =
                petition("{\"channels\":[\"email\"]}").replace("\"email\":\"" + EMAIL + "\"", "\"email\":\"\"");
        assertThat(reasons(portal().withHeader("Accept-Language", "vi"), noEmail))
                .containsExactly(Map.entry("citizen.email", "là bắt buộc để thông báo qua email"));

        String badPhone = petition("{\"channels\":[\"sms\"]}").replace("0912 345 678", "0123 456 789");
        assertThat(reasons(portal(), badPhone))
                .as("the phone's own reason, not a second one")
                .containsOnlyKeys("citizen.phone")
                .containsValue("not a valid Vietnamese phone number");
    }

    @Test
    void aWithdrawalIsRecordedAndPublishedOnce() {
        String id = submit("{\"channels\":[\"sms\"],\"language\":\"vi\"}");
        contactsTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));

        Http.Response first = portal().post("/api/v1/petitions/" + id + "/notifications:withdraw", "");
        Http.Response again = portal().post("/api/v1/petitions/" + id + "/notifications:withdraw", "");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String withdrawnAt = first.json().get("notify").get("withdrawnAt").asString();
        assertThat(withdrawnAt).isNotBlank();
        assertThat(again.json().get("notify").get("withdrawnAt").asString()).isEqualTo(withdrawnAt);
        assertThat(portal().get("/api/v1/petitions/" + id)
                        .json()
                        .get("notify")
                        .get("channels")
                        .toString())
                .isEqualTo("[\"sms\"]");

        var withdrawal = contactsTopic.await(
                record -> id.equals(record.key())
                        && KafkaProbe.header(record, "ce_type").orElse("").equals(WITHDRAWN),
                Duration.ofSeconds(20));
        assertThat(payload(withdrawal).get("petitionId").asString()).isEqualTo(id);
        assertThat(new String(withdrawal.value(), StandardCharsets.UTF_8)).doesNotContain("912345678");
        var onTheTopic = contactsTopic.recordsWithKey(id, Duration.ofSeconds(3));
        assertThat(ofType(onTheTopic, CONSENTED)).hasSize(1);
        assertThat(ofType(onTheTopic, WITHDRAWN)).hasSize(1);
        assertThat(onTheTopic.get(onTheTopic.size() - 1)).isSameAs(withdrawal);
        intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(intakeTopic.recordsWithKey(id, Duration.ZERO))
                .as("a withdrawal is not for routing")
                .hasSize(1);
    }

    @Test
    void onlyTheSubmittingPortalMayWithdrawAndOtherProvincesSeeNoPetition() {
        String id = submit("{\"channels\":[\"email\"]}");
        String withdraw = "/api/v1/petitions/" + id + "/notifications:withdraw";

        assertThat(Http.at(port)
                        .withApiKey("ha-noi-test-key")
                        .post(withdraw, "")
                        .status())
                .isEqualTo(404);
        Http.Response hotline = Http.at(port).withApiKey("nghe-an-hotline-key").post(withdraw, "");
        assertThat(hotline.status()).isEqualTo(403);
        assertThat(hotline.contentType()).startsWith("application/problem+json");
        assertThat(portal().post("/api/v1/petitions/" + UUID.randomUUID() + "/notifications:withdraw", "")
                        .status())
                .isEqualTo(404);
        assertThat(Http.at(port).post(withdraw, "").status()).isEqualTo(401);

        assertThat(portal().get("/api/v1/petitions/" + id)
                        .json()
                        .get("notify")
                        .path("withdrawnAt")
                        .isNull())
                .isTrue();
        contactsTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(ofType(contactsTopic.recordsWithKey(id, Duration.ofSeconds(2)), WITHDRAWN))
                .isEmpty();
    }

    @Test
    void withdrawingWhereNoConsentWasGivenChangesAndPublishesNothing() {
        String id = submit(null);

        Http.Response response = portal().post("/api/v1/petitions/" + id + "/notifications:withdraw", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().has("notify")).isFalse();
        assertThat(contactsTopic.recordsWithKey(id, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void intakeCreatesTheContactsTopicCompactedWithATimeLimit() throws Exception {
        TopicDescription topic = admin.describeTopics(Topics.INTAKE_CONTACTS).get(Topics.INTAKE_CONTACTS);
        assertThat(topic.partitions()).hasSize(kafka.partitions());

        try (AdminClient client = AdminClient.create(new HashMap<>(admin.getConfigurationProperties()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INTAKE_CONTACTS);
            Config config =
                    client.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
            assertThat(config.get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(365).toMillis()));
            assertThat(config.get("max.compaction.lag.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(1).toMillis()));
        }
    }

    private static Map<String, String> reasons(Http caller, String body) {
        Http.Response response = caller.post("/api/v1/petitions", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, String> reasons = new HashMap<>();
        response.json()
                .get("errors")
                .forEach(e ->
                        reasons.put(e.get("field").asString(), e.get("reason").asString()));
        return reasons;
    }
}
