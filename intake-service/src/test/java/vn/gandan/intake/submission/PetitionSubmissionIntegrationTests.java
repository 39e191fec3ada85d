package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class PetitionSubmissionIntegrationTests {

    static KafkaProbe intakeTopic;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopic() {
        intakeTopic = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
    }

    Http portal() {
        return Http.at(port).withApiKey("demo-portal-key");
    }

    static String petition(String communeCode, String reference) {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"%s"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},"portalReference":"%s"}
                """.formatted(communeCode, reference);
    }

    @Test
    void acceptsAPetitionAndPublishesItAsACloudEvent() {
        Http.Response created = portal().post("/api/v1/petitions", petition("17605", "NA-" + UUID.randomUUID()));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(body.get("trackingCode").asString()).matches("40-[0-9A-Z]{8}");
        assertThat(body.get("status").asString()).isEqualTo("submitted");
        assertThat(body.has("citizen")).isFalse();

        JsonNode fetched = portal().get("/api/v1/petitions/" + id).json();
        assertThat(fetched.get("communeCode").asString()).isEqualTo("17605");

        var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(KafkaProbe.header(record, "ce_subject")).contains(id);
        assertThat(KafkaProbe.header(record, "ce_source")).contains("/gandan/intake");
        assertThat(KafkaProbe.header(record, "ce_specversion")).contains("1.0");
        assertThat(KafkaProbe.header(record, "content-type")).contains("application/json");
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode event = JsonMapper.builder().build().readTree(payload);
        assertThat(event.get("place").get("communeCode").asString()).isEqualTo("17605");
        assertThat(payload).doesNotContain("0912").doesNotContain("Nguyễn Văn An");
    }

    @Test
    void theSamePortalReferenceIsTheSamePetition() {
        String reference = "NA-" + UUID.randomUUID();
        Http.Response first = portal().post("/api/v1/petitions", petition("17605", reference));
        Http.Response again = portal().post("/api/v1/petitions", petition("17605", reference));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(intakeTopic.recordsWithKey(first.json().get("id").asString(), Duration.ofSeconds(2)))
                .hasSize(1);
    }

    @Test
    void rejectsBadInputWithProblemDetailsNamingTheField() {
        Http.Response missing = portal().post("/api/v1/petitions", "{\"kind\":\"recommendation\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").toString()).contains("category", "title", "location", "receivedAt");

        Http.Response badKind =
                portal().post("/api/v1/petitions", petition("17605", "x").replace("recommendation", "wish"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

        Http.Response unknownCommune = portal().post("/api/v1/petitions", petition("99999", "y"));
        assertThat(unknownCommune.status()).isEqualTo(400);
        assertThat(unknownCommune.json().get("errors").get(0).get("field").asString())
                .isEqualTo("location.communeCode");

        Http.Response notJson = portal().post("/api/v1/petitions", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void aPortalCannotFileForAnotherProvince() {
        // 00004 is Phường Ba Đình, Hà Nội; the demo portal is Nghệ An's.
        Http.Response response = portal().post("/api/v1/petitions", petition("00004", "z-" + UUID.randomUUID()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString())
                .contains("province");
    }

    @Test
    void callsWithoutAValidKeyAreRefused() {
        assertThat(Http.at(port)
                        .post("/api/v1/petitions", petition("17605", "k"))
                        .status())
                .isEqualTo(401);
        Http.Response wrongKey =
                Http.at(port).withApiKey("not-the-key").post("/api/v1/petitions", petition("17605", "k"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("application/problem+json");
        assertThat(Http.at(port)
                        .withBasic("analyst", "analyst")
                        .post("/api/v1/petitions", petition("17605", "k"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void healthAndMetricsAreOpen() {
        Http.Response health = Http.at(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("mongo").get("status").asString())
                .isEqualTo("UP");
        assertThat(Http.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Http.at(port).get("/actuator/prometheus").body()).contains("gandan_outbox_published");
    }
}
