package vn.gandan.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.routing.Submissions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The responders' and operators' actions on real Kafka and MongoDB: each action changes the case and publishes
 * its event; each refused action answers a problem document and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class CaseLifecycleIntegrationTests {

    static KafkaProbe casesTopic;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    vn.gandan.routing.clock.WorkingCalendar calendar;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopics() {
        casesTopic = KafkaProbe.reading(Topics.ROUTING_CASES);
    }

    @AfterAll
    static void close() {
        casesTopic.close();
    }

    String routed(PetitionSubmitted event) throws Exception {
        kafka.send(Topics.INTAKE_PETITIONS, event.petitionId().toString(), event)
                .get();
        String id = event.petitionId().toString();
        casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        return id;
    }

    Http as(String user) {
        return Http.at(port).withBasic(user, user);
    }

    JsonNode view(String id) {
        return as("operator").get("/api/v1/cases/" + id).json();
    }

    /** The types of the events published for a petition, in order. */
    List<String> published(String id, int atLeast) {
        casesTopic.await(r -> id.equals(r.key()) && countFor(id) >= atLeast, Duration.ofSeconds(20));
        return casesTopic.recordsWithKey(id, Duration.ZERO).stream()
                .map(r -> KafkaProbe.header(r, "ce_type").orElseThrow())
                .map(t -> t.substring("vn.gandan.petition.".length(), t.length() - ".v1".length()))
                .toList();
    }

    private int countFor(String id) {
        return casesTopic.recordsWithKey(id, Duration.ZERO).size();
    }

    @Test
    void aRecommendationIsAcknowledgedPausedResumedResolvedAndClosed() throws Exception {
        String id = routed(Submissions.floodedCrossroads(Instant.now().minus(Duration.ofHours(2))));
        JsonNode routed = view(id);
        assertThat(routed.get("status").asString()).isEqualTo("routed");
        assertThat(routed.get("authority").get("id").asString()).isEqualTo("ubnd-17605");
        assertThat(routed.get("deadline").get("step").asString()).isEqualTo("reply");
        assertThat(routed.get("deadline").get("unit").asString()).isEqualTo("working_days");
        assertThat(routed.get("deadline").get("policyId").asString()).isEqualTo("recommendation.reply@2014-07-01");

        var acknowledged = as("responder").post("/api/v1/cases/" + id + "/acknowledge", "");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asString()).isEqualTo("acknowledged");

        var paused = as("responder")
                .post("/api/v1/cases/" + id + "/pause", "{\"reason\":\"waiting_for_citizen\"}")
                .json();
        assertThat(paused.get("status").asString()).isEqualTo("in_progress");
        assertThat(paused.get("deadline").get("paused").asBoolean()).isTrue();
        assertThat(as("responder")
                        .post("/api/v1/cases/" + id + "/pause", "{\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);

        var resumed =
                as("responder").post("/api/v1/cases/" + id + "/resume", "").json();
        assertThat(resumed.get("deadline").get("paused").asBoolean()).isFalse();

        var resolved = as("responder")
                .post("/api/v1/cases/" + id + "/resolve", "{\"response\":\"Đã nạo vét cống, ngã tư hết ngập.\"}")
                .json();
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.get("deadline").isNull()).isTrue();

        assertThat(as("responder")
                        .post("/api/v1/cases/" + id + "/close", "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("closed");
        assertThat(published(id, 6))
                .containsExactly("routed", "acknowledged", "clock_paused", "clock_resumed", "resolved", "closed");
        assertThat(view(id).get("history")).hasSize(6);
    }

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() throws Exception {
        String id = routed(Submissions.floodedCrossroads(Instant.now().minus(Duration.ofHours(1))));
        as("responder").post("/api/v1/cases/" + id + "/resolve", "{\"response\":\"Đã xử lý.\"}");
        as("responder").post("/api/v1/cases/" + id + "/close", "");
        long before = view(id).get("history").size();

        var again = as("responder").post("/api/v1/cases/" + id + "/resolve", "{\"response\":\"Lần nữa.\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).isEqualTo("A closed case cannot be resolved.");
        assertThat(view(id).get("history").size()).isEqualTo(before);
        assertThat(view(id).get("status").asString()).isEqualTo("closed");
    }

    @Test
    void aComplaintIsAcceptedOnlyBeforeItIsResolvedAndTheSecondLevelGoesUp() throws Exception {
        String id = routed(Submissions.of(
                PetitionKind.COMPLAINT,
                "land.dispute",
                Submissions.HOP_MINH,
                Instant.now().minusSeconds(600)));
        assertThat(view(id).get("deadline").get("step").asString()).isEqualTo("acceptance");
        // A complaint is answered only once accepted.
        assertThat(as("responder")
                        .post("/api/v1/cases/" + id + "/resolve", "{\"response\":\"Trả lời.\"}")
                        .status())
                .isEqualTo(409);

        JsonNode accepted =
                as("responder").post("/api/v1/cases/" + id + "/acknowledge", "").json();
        assertThat(accepted.get("deadline").get("step").asString()).isEqualTo("first_resolution");
        assertThat(accepted.get("deadline").get("unit").asString()).isEqualTo("calendar_days");

        // A complaint's first resolution knows longer limits, not extensions: the law refuses one.
        var refused = as("responder")
                .post("/api/v1/cases/" + id + "/extension", "{\"days\":10,\"reason\":\"Cần xác minh thêm\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("days");

        var complex = as("responder")
                .post(
                        "/api/v1/cases/" + id + "/extension",
                        "{\"complexity\":\"complex\",\"reason\":\"Vụ việc phức tạp\"}")
                .json();
        assertThat(complex.get("deadline").get("complexity").asString()).isEqualTo("complex");

        as("responder").post("/api/v1/cases/" + id + "/resolve", "{\"response\":\"Quyết định giải quyết lần đầu.\"}");
        JsonNode reopened = as("operator")
                .post("/api/v1/cases/" + id + "/reopen", "{\"reason\":\"Công dân khiếu nại lần hai\"}")
                .json();
        assertThat(reopened.get("status").asString()).isEqualTo("routed");
        assertThat(reopened.get("level").asInt()).isEqualTo(2);
        assertThat(reopened.get("authority").get("id").asString()).isEqualTo("ubnd-40");

        JsonNode secondLevel = as("supervisor")
                .post("/api/v1/cases/" + id + "/acknowledge", "")
                .json();
        assertThat(secondLevel.get("deadline").get("step").asString()).isEqualTo("second_resolution");
        assertThat(published(id, 6))
                .containsExactly("routed", "acknowledged", "deadline_extended", "resolved", "reopened", "acknowledged");
    }

    @Test
    void aDenunciationMayBeExtendedOnceWhenComplex() throws Exception {
        String id = routed(Submissions.of(
                PetitionKind.DENUNCIATION,
                "public_order",
                Submissions.HOP_MINH,
                Instant.now().minusSeconds(600)));
        as("responder").post("/api/v1/cases/" + id + "/acknowledge", "");
        JsonNode before = view(id).get("deadline");
        assertThat(before.get("step").asString()).isEqualTo("resolution");

        JsonNode extended = as("responder")
                .post(
                        "/api/v1/cases/" + id + "/extension",
                        "{\"days\":30,\"complexity\":\"complex\",\"reason\":\"Phải xác minh ở nhiều nơi\"}")
                .json()
                .get("deadline");
        // 30 more days of the same period: counted from its end, which may lie before the due date shown when it
        // fell on days off (the due date then moves on to the next working day; the extended one may not)
        java.time.LocalDate dueBefore =
                java.time.LocalDate.parse(before.get("dueDate").asString());
        java.time.LocalDate periodEnd = dueBefore;
        while (!calendar.isWorkingDay(periodEnd.minusDays(1))) {
            periodEnd = periodEnd.minusDays(1);
        }
        assertThat(java.time.LocalDate.parse(extended.get("dueDate").asString()))
                .isAfter(dueBefore)
                .isAfterOrEqualTo(periodEnd.plusDays(30));
        var second = as("responder").post("/api/v1/cases/" + id + "/extension", "{\"days\":30,\"reason\":\"Lần nữa\"}");
        assertThat(second.status()).isEqualTo(422);
    }

    @Test
    void aTransferStartsANewClockForTheNewAuthorityAndKeepsTheHistory() throws Exception {
        String id = routed(Submissions.floodedCrossroads(Instant.now().minus(Duration.ofDays(3))));
        var unknown = as("responder")
                .post("/api/v1/cases/" + id + "/transfer", "{\"toAuthorityId\":\"ubnd-99999\",\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("toAuthorityId");
        var blank = as("responder").post("/api/v1/cases/" + id + "/transfer", "{\"toAuthorityId\":\"ubnd-40\"}");
        assertThat(blank.status()).isEqualTo(400);

        JsonNode moved = as("responder")
                .post(
                        "/api/v1/cases/" + id + "/transfer",
                        "{\"toAuthorityId\":\"ubnd-40\",\"reason\":\"Vượt thẩm quyền cấp xã\"}")
                .json();
        assertThat(moved.get("authority").get("id").asString()).isEqualTo("ubnd-40");
        assertThat(moved.get("status").asString()).isEqualTo("routed");
        assertThat(Instant.parse(moved.get("deadline").get("dueAt").asString()))
                .isAfter(Instant.parse(view(id).get("history").get(0).get("at").asString()));
        assertThat(moved.get("history").get(1).get("action").asString()).isEqualTo("transferred");
        // The commune's responder no longer holds it.
        assertThat(as("responder")
                        .post("/api/v1/cases/" + id + "/acknowledge", "")
                        .status())
                .isEqualTo(403);
        assertThat(as("supervisor")
                        .post("/api/v1/cases/" + id + "/acknowledge", "")
                        .status())
                .isEqualTo(200);
        assertThat(published(id, 3)).containsExactly("routed", "transferred", "acknowledged");
    }

    @Test
    void onlyTheHoldingAuthorityActsAndOperatorsOnlyInTheirProvince() throws Exception {
        String id = routed(Submissions.floodedCrossroads(Instant.now().minusSeconds(300)));
        var notTheirs = as("supervisor").post("/api/v1/cases/" + id + "/acknowledge", "");
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.contentType()).startsWith("application/problem+json");
        assertThat(as("operator")
                        .post("/api/v1/cases/" + id + "/acknowledge", "")
                        .status())
                .isEqualTo(403);
        assertThat(as("operator-hn").get("/api/v1/cases/" + id).status()).isEqualTo(404);
        assertThat(as("operator-hn")
                        .post("/api/v1/cases/" + id + "/assign", "{\"toAuthorityId\":\"ubnd-40\"}")
                        .status())
                .isEqualTo(404);
        assertThat(as("analyst").get("/api/v1/cases/" + id).status()).isEqualTo(403);
        assertThat(view(id).get("history")).hasSize(1);
    }

    @Test
    void anOperatorMovesACaseOutOfTriageWithTheClockFromTheReceipt() throws Exception {
        Instant received = Instant.now().minus(Duration.ofDays(1));
        String id = routed(Submissions.of(PetitionKind.RECOMMENDATION, "infrastructure.roads", null, received));
        assertThat(view(id).get("status").asString()).isEqualTo("triage");
        assertThat(view(id).get("explanation").get("reason").asString()).isEqualTo("commune_missing");

        var wrongProvince = as("operator")
                .post("/api/v1/cases/" + id + "/assign", "{\"toAuthorityId\":\"ubnd-01\",\"reason\":\"x\"}");
        assertThat(wrongProvince.status()).isEqualTo(400);

        JsonNode assigned = as("operator")
                .post(
                        "/api/v1/cases/" + id + "/assign",
                        "{\"toAuthorityId\":\"ubnd-17605\",\"reason\":\"Địa chỉ ở xóm 3 Hợp Minh\"}")
                .json();
        assertThat(assigned.get("status").asString()).isEqualTo("routed");
        assertThat(assigned.get("explanation").get("ruleId").asString()).isEqualTo("operator");
        assertThat(published(id, 2)).containsExactly("routing_failed", "routed");
    }

    @Test
    void aRejectionNeedsAKnownReasonAndTellsTheCitizenWhy() throws Exception {
        String id = routed(Submissions.floodedCrossroads(Instant.now().minusSeconds(200)));
        var unknownReason = as("responder")
                .withHeader("Accept-Language", "vi")
                .post("/api/v1/cases/" + id + "/reject", "{\"reason\":\"lazy\"}");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.json().get("errors").get(0).get("reason").asString())
                .startsWith("phải là một trong");

        JsonNode rejected = as("responder")
                .post("/api/v1/cases/" + id + "/reject", "{\"reason\":\"not_competent\"}")
                .json();
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        var event = casesTopic.await(
                r -> id.equals(r.key())
                        && KafkaProbe.header(r, "ce_type").orElse("").contains("rejected"),
                Duration.ofSeconds(20));
        assertThat(new String(event.value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("không thuộc thẩm quyền");
    }
}
