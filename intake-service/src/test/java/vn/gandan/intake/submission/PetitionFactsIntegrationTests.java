package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/** The facts beyond the common ones: category fields, portal codes, points, attachments, identity, the law. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class PetitionFactsIntegrationTests {

    static KafkaProbe intakeTopic;

    @LocalServerPort
    int port;

    @Autowired
    Petitions petitions;

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

    /** A recommendation in Xã Hợp Minh with the given category, details and extra top-level members. */
    static String petition(String category, String details, String more) {
        return """
                {"kind":"recommendation","category":"%s","title":"Đề nghị xử lý","location":{"communeCode":"17605"},
                 "channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00","details":%s%s}
                """.formatted(category, details, more);
    }

    static List<String> fields(Http.Response response) {
        return response.json().get("errors").findValuesAsString("field");
    }

    @Test
    void aCategorysRequiredFactsAreCheckedAndTravelInTheEvent() {
        Http.Response missing = portal().post("/api/v1/petitions", petition("land.compensation", "{}", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("details.projectName");

        Http.Response unknown = portal().post(
                        "/api/v1/petitions",
                        petition("environment.pollution", "{\"pollutionType\":\"air\",\"colour\":\"red\"}", ""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("details.colour");

        Http.Response badChoice = portal().post(
                        "/api/v1/petitions", petition("environment.pollution", "{\"pollutionType\":\"light\"}", ""));
        assertThat(badChoice.status()).isEqualTo(400);
        assertThat(badChoice.json().get("errors").get(0).get("reason").asString())
                .contains("air", "water", "noise");

        Http.Response created = portal().post(
                        "/api/v1/petitions",
                        petition("officials.conduct", "{\"subjectAuthority\":\"  Ủy ban nhân dân Xã Hợp Minh \"}", ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("details").get("subjectAuthority").asString())
                .isEqualTo("Ủy ban nhân dân Xã Hợp Minh");
        var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        JsonNode event = JsonMapper.builder().build().readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(event.get("details").get("subjectAuthority").asString()).isEqualTo("Ủy ban nhân dân Xã Hợp Minh");
    }

    @Test
    void aPortalsOwnCategoryCodeIsMappedToTheCatalogue() {
        Http.Response created = portal().post("/api/v1/petitions", petition("GT-01", "{}", ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("category").asString()).isEqualTo("infrastructure.roads");
        assertThat(created.json().get("portalCategory").asString()).isEqualTo("GT-01");

        Http.Response unmapped = portal().post("/api/v1/petitions", petition("GT-99", "{}", ""));
        assertThat(unmapped.status()).isEqualTo(400);
        assertThat(fields(unmapped)).containsExactly("category");
    }

    @Test
    void aPointAloneIsKeptAndGoesToTriageAndAPointOutsideVietNamIsRefused() {
        String atPoint = """
                {"kind":"recommendation","category":"infrastructure.lighting","title":"Đèn đường hỏng",
                 "location":{"latitude":18.9766,"longitude":105.4456},"channel":"portal",
                 "receivedAt":"2026-11-20T08:00:00+07:00"}
                """;
        Http.Response created = portal().post("/api/v1/petitions", atPoint);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("provinceCode").asString()).isEqualTo("40");
        assertThat(created.json().get("triageReason").asString()).isEqualTo("coordinates_only");
        assertThat(created.json().get("coordinates").get("latitude").asDouble()).isEqualTo(18.9766);

        Http.Response withCode = portal().post(
                        "/api/v1/petitions", atPoint.replace("\"latitude\"", "\"communeCode\":\"17605\",\"latitude\""));
        assertThat(withCode.json().get("communeCode").asString()).isEqualTo("17605");
        assertThat(withCode.json().get("triageReason").isNull()).isTrue();

        Http.Response paris = portal().post("/api/v1/petitions", atPoint.replace("105.4456", "2.35"));
        assertThat(paris.status()).isEqualTo(400);
        assertThat(fields(paris)).containsExactly("location.latitude");

        Http.Response half = portal().post("/api/v1/petitions", atPoint.replace(",\"longitude\":105.4456", ""));
        assertThat(half.status()).isEqualTo(400);
        assertThat(fields(half)).anyMatch(f -> f.startsWith("location"));
    }

    @Test
    void attachmentsAreLinksOverHttpOnly() {
        Http.Response created = portal().post("/api/v1/petitions", petition("infrastructure.drainage", "{}", """
                                ,"attachments":[{"url":"https://cong.nghean.gov.vn/files/anh-1.jpg","name":"Ảnh mương",
                                  "mediaType":"image/jpeg"}]"""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("attachments").get(0).get("url").asString())
                .isEqualTo("https://cong.nghean.gov.vn/files/anh-1.jpg");

        Http.Response script = portal().post(
                        "/api/v1/petitions",
                        petition(
                                "infrastructure.drainage",
                                "{}",
                                ",\"attachments\":[{\"url\":\"javascript:alert(1)\"}]"));
        assertThat(script.status()).isEqualTo(400);
        assertThat(fields(script)).containsExactly("attachments[0].url");
    }

    @Test
    void theIdentityNumberIsNormalizedKeptHereAndNeverPublished() {
        String reference = "NA-" + UUID.randomUUID();
        Http.Response created = portal().post(
                        "/api/v1/petitions",
                        petition(
                                "infrastructure.drainage",
                                "{}",
                                ",\"citizen\":{\"name\":\"Lê Văn Cường\",\"nationalId\":\"040 085 012345\"},"
                                        + "\"portalReference\":\"" + reference + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.body()).doesNotContain("012345");
        Petition stored = petitions.findById(id).orElseThrow();
        assertThat(stored.getCitizen().nationalId()).isEqualTo("040085012345");
        assertThat(stored.getCitizenRef()).matches("c-[0-9a-f]{32}");

        var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(payload)
                .doesNotContain("012345")
                .doesNotContain("Lê Văn Cường")
                .contains(stored.getCitizenRef());

        Http.Response invalid = portal().post(
                        "/api/v1/petitions",
                        petition("infrastructure.drainage", "{}", ",\"citizen\":{\"nationalId\":\"999123456789\"}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("citizen.nationalId");
    }

    @Test
    void complaintsAndDenunciationsNeedWhatTheLawNeeds() {
        String anonymous = petition("infrastructure.drainage", "{}", "").replace("recommendation", "denunciation");
        Http.Response refused = portal().post("/api/v1/petitions", anonymous);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("citizen.name", "citizen.address");
        assertThat(refused.json().get("errors").toString()).contains("Law on Denunciations 2018");

        String named = anonymous.replace(
                "\"details\":{}",
                "\"details\":{},\"citizen\":{\"name\":\"Phạm Thị Dung\",\"address\":\"xóm 3, Xã Hợp Minh\"}");
        Http.Response accepted = portal().post("/api/v1/petitions", named);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void theCataloguePublishesEachCategorysFieldsAndWhatTheLawNeeds() {
        JsonNode catalogue = portal().get("/api/v1/catalogue").json();
        JsonNode compensation = null;
        for (JsonNode category : catalogue.get("categories")) {
            if (category.get("code").asString().equals("land.compensation")) {
                compensation = category;
            }
        }
        assertThat(compensation).isNotNull();
        assertThat(compensation.get("requiredFields").findValuesAsString("code"))
                .isEmpty();
        assertThat(compensation.get("requiredFields").get(0).asString()).isEqualTo("projectName");
        assertThat(compensation.get("fields").get(0).get("nameVi").asString()).isEqualTo("Tên dự án thu hồi đất");
        assertThat(compensation.get("fields").get(3).get("type").asString()).isEqualTo("date");
        assertThat(catalogue.get("lawRequires").get("complaint").get(0).asString())
                .isEqualTo("citizen.name");
    }
}
