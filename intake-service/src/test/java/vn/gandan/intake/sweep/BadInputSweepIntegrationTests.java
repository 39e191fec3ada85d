package vn.gandan.intake.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.sweep.AnswerCheck;
import vn.gandan.testsupport.sweep.BadInputSweep;
import vn.gandan.testsupport.sweep.Credentials;
import vn.gandan.testsupport.sweep.StoredDocuments;
import vn.gandan.testsupport.sweep.SweepReport;

/**
 * Issue 8's sweep against intake: malformed requests to every operation of its OpenAPI document (native API,
 * Open311, portal keys), as the demo portal (admin for the admin API), and a few as nobody, as Hà Nội's portal and
 * as Hà Nội's operator. Every answer must be a 4xx problem document (Open311: its own error list), none a 5xx;
 * nothing may be stored or published. The same context as {@code Open311IntegrationTests} (two portals).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.security.portals[0].id=nghe-an-demo",
            "gandan.security.portals[0].province=40",
            "gandan.security.portals[0].key-sha256=9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90",
            "gandan.security.portals[1].id=ha-noi-test",
            "gandan.security.portals[1].province=01",
            "gandan.security.portals[1].key-sha256=5e64579942598108322e6d945ca76d0285b681d0a1f97bdc8a5aebd03203bc57"
        })
@ActiveProfiles("local")
@RealInfrastructure
class BadInputSweepIntegrationTests {

    static final String NGHE_AN_KEY = "demo-portal-key";
    static final String HA_NOI_KEY = "ha-noi-test-key";
    static final JsonMapper json = JsonMapper.builder().build();

    /** A valid petition of Nghệ An: each variant spoils one thing of it, so that nothing else hides the answer. */
    static final String PETITION = """
            {"kind":"complaint","category":"land.compensation","title":"Bồi thường đất chưa thỏa đáng",
             "description":"Gia đình tôi chưa nhận được tiền bồi thường.",
             "location":{"communeCode":"17605","address":"xóm 3, xã Hợp Minh","latitude":18.9,"longitude":105.6},
             "channel":"portal","receivedAt":"2026-01-10T08:00:00+07:00",
             "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678","email":"an@example.vn",
               "address":"xóm 3, xã Hợp Minh","nationalId":"040090000123",
               "notify":{"channels":["sms"],"language":"vi"}},
             "attachments":[{"url":"https://example.vn/a.jpg","name":"ảnh","mediaType":"image/jpeg"}],
             "details":{"projectName":"Khu đô thị mới Hợp Minh"},"portalReference":"%s"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndNothingIsStoredOrPublished() {
        String haNoiPetition = haNoiPetition();
        try (KafkaProbe published = KafkaProbe.reading(Topics.INTAKE_PETITIONS, Topics.INTAKE_CONTACTS)) {
            Set<String> before = keys(published.records(Duration.ofSeconds(2)));
            // Relays of earlier contexts may still publish petitions stored before the sweep, never others.
            mongo.findAll(org.bson.Document.class, "petitions").forEach(p -> before.add(String.valueOf(p.get("_id"))));
            Map<String, Long> stored = StoredDocuments.count(mongo, Set.of());
            String petition = PETITION.formatted(BadInputSweep.UNIQUE);

            SweepReport report = BadInputSweep.at(port)
                    .fromOpenApi()
                    .body("POST /api/v1/petitions", petition)
                    .body("POST /api/v1/petitions:batch", "{\"petitions\":[" + petition + "]}")
                    .credentials(op -> op.path().startsWith("/api/v1/admin")
                            ? Credentials.basic("admin", "admin")
                            : Credentials.apiKey(NGHE_AN_KEY))
                    .otherCallers(
                            Credentials.none(),
                            Credentials.apiKey(HA_NOI_KEY),
                            Credentials.basic("operator-hn", "operator-hn"))
                    .foreignIds(haNoiPetition, "00004", "01")
                    .nationwide(op -> op.path().startsWith("/api/v1/admin"))
                    // Citizens' words: SQL there is text like any other (ADR 0014); markup is still sent, and refused.
                    .dataText("title", "description", "address", "name", "projectName")
                    .check(
                            op -> op.path().equals("/api/v1/petitions:batch"),
                            BadInputSweepIntegrationTests::refusedBatch)
                    .check(op -> op.path().startsWith("/open311"), BadInputSweepIntegrationTests::open311Error)
                    .run();
            report.writeTo(java.nio.file.Path.of("target", "bad-input-sweep.txt"));

            assertThat(report.serverErrors()).as(report.describe()).isEmpty();
            assertThat(report.offenders()).as(report.describe()).isEmpty();
            assertThat(StoredDocuments.count(mongo, Set.of())).isEqualTo(stored);
            Set<String> after = keys(published.records(Duration.ofSeconds(3)));
            after.removeAll(before);
            assertThat(after).as("records published during the sweep").isEmpty();
        }
    }

    /** A batch answers 200 with each item's outcome: refused when no item was accepted. */
    static String refusedBatch(vn.gandan.testsupport.sweep.Answer answer) {
        if (answer.status() != 200) {
            return AnswerCheck.problemDocument().problem(answer);
        }
        JsonNode body = json.readTree(answer.body());
        return body.path("accepted").asInt(-1) == 0 ? null : "batch accepted " + body.path("accepted");
    }

    /** Open311 answers its own error list: 4xx, {@code [{code, description}]} (or XML). */
    static String open311Error(vn.gandan.testsupport.sweep.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "status " + answer.status();
        }
        if (answer.contentType().startsWith("application/problem+json")) {
            return AnswerCheck.problemDocument().problem(answer);
        }
        if (answer.contentType().contains("xml")) {
            return answer.body().contains("<errors>") ? null : "not an Open311 error list";
        }
        try {
            JsonNode list = json.readTree(answer.body());
            return list.isArray() && !list.isEmpty() && list.get(0).has("description")
                    ? null
                    : "not an Open311 error list";
        } catch (RuntimeException e) {
            return "not JSON";
        }
    }

    private String haNoiPetition() {
        Http.Response created = Http.at(port).withApiKey(HA_NOI_KEY).post("/api/v1/petitions", """
                        {"kind":"recommendation","category":"infrastructure.drainage","title":"Cống tắc",
                         "location":{"communeCode":"00004"},"channel":"portal",
                         "receivedAt":"2026-01-10T08:00:00+07:00"}
                        """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Set<String> keys(java.util.List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
