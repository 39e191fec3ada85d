package vn.gandan.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.routing.Submissions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class PetitionRoutingIntegrationTests {

    static KafkaProbe casesTopic;
    static KafkaProbe deadLetters;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    Cases cases;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopics() {
        casesTopic = KafkaProbe.reading(Topics.ROUTING_CASES);
        deadLetters = KafkaProbe.reading(Topics.deadLetter(Topics.ROUTING_GROUP));
    }

    @AfterAll
    static void close() {
        casesTopic.close();
        deadLetters.close();
    }

    static PetitionSubmitted submitted(String communeCode) {
        Instant now = Instant.now();
        return new PetitionSubmitted(
                UUID.randomUUID(),
                PetitionId.random(),
                now,
                "40-TEST0001",
                "portal:nghe-an-demo",
                PetitionKind.RECOMMENDATION,
                "infrastructure.drainage",
                Channel.PORTAL,
                now.minus(Duration.ofDays(1)),
                new Place("40", communeCode),
                "Cống thoát nước bị tắc",
                "Nước ngập ngã tư.",
                communeCode == null ? "address_unresolved" : null);
    }

    void publish(PetitionSubmitted event) throws Exception {
        kafka.send(Topics.INTAKE_PETITIONS, event.petitionId().toString(), event)
                .get();
    }

    @Test
    void routesToTheCommunesPeoplesCommitteeOnceAndExplainsWhy() throws Exception {
        PetitionSubmitted event = submitted("17605");
        String id = event.petitionId().toString();
        publish(event);
        publish(event); // a redelivery must not route twice

        var routed = casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(routed, "ce_type")).contains("vn.gandan.petition.routed.v1");
        assertThat(casesTopic.recordsWithKey(id, Duration.ofSeconds(2))).hasSize(1);

        JsonNode view = Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/cases/" + id)
                .json();
        assertThat(view.get("status").asString()).isEqualTo("routed");
        assertThat(view.get("authority").get("id").asString()).isEqualTo("ubnd-17605");
        assertThat(view.get("authority").get("name").asString()).isEqualTo("Ủy ban nhân dân Xã Hợp Minh");
        assertThat(view.get("explanation").get("ruleId").asString()).isEqualTo("commune-people-committee");
        assertThat(view.get("explanation").get("adminUnitsVersion").asString()).isNotBlank();
        assertThat(Http.at(port)
                        .withBasic("responder", "responder")
                        .get("/api/v1/cases/" + id)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPetitionWithoutACommuneGoesToTriage() throws Exception {
        PetitionSubmitted event = submitted(null);
        String id = event.petitionId().toString();
        publish(event);

        var failed = casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(failed, "ce_type")).contains("vn.gandan.petition.routing_failed.v1");
        JsonNode view = Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/cases/" + id)
                .json();
        assertThat(view.get("status").asString()).isEqualTo("triage");
        // Intake already said why; its reason is the one an operator needs.
        assertThat(view.get("explanation").get("reason").asString()).isEqualTo("address_unresolved");
        // The responder of Xã Hợp Minh has no business with a case nobody assigned to it.
        assertThat(Http.at(port)
                        .withBasic("responder", "responder")
                        .get("/api/v1/cases/" + id)
                        .status())
                .isEqualTo(404);
    }

    JsonNode caseView(String id) {
        return Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/cases/" + id)
                .json();
    }

    @Test
    void aDenunciationAboutACommunesOfficialGoesToTheLevelAboveThatCommune() throws Exception {
        PetitionSubmitted event = Submissions.of(
                PetitionKind.DENUNCIATION,
                "officials.conduct",
                Submissions.HOP_MINH,
                Instant.now().minus(Duration.ofDays(1)),
                Map.of("subjectAuthority", "UBND xã Hợp Minh"));
        String id = event.petitionId().toString();
        publish(event);

        casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        JsonNode view = caseView(id);
        assertThat(view.get("authority").get("id").asString()).isEqualTo("ubnd-40");
        assertThat(view.get("explanation")
                        .get("matched")
                        .get("subjectAuthority")
                        .asString())
                .isEqualTo("UBND xã Hợp Minh");
        assertThat(view.get("explanation").get("notes").get(0).asString()).contains("conflict_of_interest");
        assertThat(view.get("deadline").get("step").asString()).isEqualTo("acceptance");
        assertThat(view.get("deadline").get("policyId").asString()).isEqualTo("denunciation.acceptance@2019-01-01");
    }

    @Test
    void aComplaintAboutADecisionGoesToTheHeadOfTheBodyThatIssuedIt() throws Exception {
        PetitionSubmitted named = Submissions.of(
                PetitionKind.COMPLAINT,
                "land.compensation",
                Submissions.HOP_MINH,
                Instant.now().minus(Duration.ofDays(2)),
                Map.of("projectName", "Quốc lộ 7A", "issuingAuthority", "Sở Xây dựng Tỉnh Nghệ An"));
        PetitionSubmitted unknown = Submissions.of(
                PetitionKind.COMPLAINT,
                "land.compensation",
                Submissions.HOP_MINH,
                Instant.now().minus(Duration.ofDays(2)),
                Map.of("projectName", "Quốc lộ 7A", "issuingAuthority", "Ban quản lý dự án không ai biết"));
        publish(named);
        publish(unknown);

        casesTopic.await(KafkaProbe.withKey(named.petitionId().toString()), Duration.ofSeconds(20));
        JsonNode view = caseView(named.petitionId().toString());
        assertThat(view.get("authority").get("id").asString()).isEqualTo("so-xay-dung-40");
        assertThat(view.get("explanation")
                        .get("matched")
                        .get("issuingAuthority")
                        .asString())
                .isEqualTo("Sở Xây dựng Tỉnh Nghệ An");
        assertThat(view.get("explanation").get("directoryVersion").asString()).isNotBlank();

        var failed = casesTopic.await(KafkaProbe.withKey(unknown.petitionId().toString()), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(failed, "ce_type")).contains("vn.gandan.petition.routing_failed.v1");
        JsonNode triaged = caseView(unknown.petitionId().toString());
        assertThat(triaged.get("status").asString()).isEqualTo("triage");
        assertThat(triaged.get("explanation").get("reason").asString()).isEqualTo("issuing_authority_unknown");
        assertThat(meters.find("gandan.routing.decisions")
                        .tags("rule", "complaint-issuing-authority", "outcome", "triage")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isPositive());
    }

    /**
     * What-if over the cases really stored: a draft sending every infrastructure petition to the construction
     * department changes exactly those the stored decisions sent elsewhere, counted here from the store itself.
     */
    @Test
    void simulatesADraftRuleSetOverTheStoredCases() throws Exception {
        PetitionSubmitted road = Submissions.of(
                PetitionKind.RECOMMENDATION, "infrastructure.roads", Submissions.HOP_MINH, Instant.now());
        PetitionSubmitted health =
                Submissions.of(PetitionKind.RECOMMENDATION, "health", Submissions.HOP_MINH, Instant.now());
        publish(road);
        publish(health);
        casesTopic.await(KafkaProbe.withKey(road.petitionId().toString()), Duration.ofSeconds(20));
        casesTopic.await(KafkaProbe.withKey(health.petitionId().toString()), Duration.ofSeconds(20));

        List<Case> stored = cases.findAll().stream()
                .filter(c -> c.getProvinceCode().equals("40"))
                .toList();
        long expectedChanged = stored.stream()
                .filter(c -> c.getCategory().startsWith("infrastructure."))
                .filter(c -> !"so-xay-dung-40".equals(c.getDecision().authorityId()))
                .count();

        // The live rules as the API lists them, without their stored history, plus one more.
        var live = Http.at(port)
                .withBasic("admin", "admin")
                .get("/api/v1/routing-rules")
                .json();
        StringBuilder rules = new StringBuilder("[");
        live.forEach(rule -> rules.append("{\"id\":")
                .append(rule.get("id"))
                .append(",\"priority\":")
                .append(rule.get("priority"))
                .append(",\"enabled\":")
                .append(rule.get("enabled"))
                .append(",\"match\":")
                .append(rule.get("match"))
                .append(",\"target\":")
                .append(rule.get("target"))
                .append("},"));
        String draft = rules
                + "{\"id\":\"infrastructure-construction\",\"priority\":50,\"description\":\"what if\","
                + "\"match\":{\"categories\":[\"infrastructure.*\"]},"
                + "\"target\":{\"type\":\"provincial_department\",\"department\":\"construction\"}}]";
        JsonNode result = Http.at(port)
                .withBasic("operator", "operator")
                .post("/api/v1/routing-rules/simulate", "{\"rules\":" + draft + ",\"limit\":1000}")
                .json();

        assertThat(result.get("evaluated").asInt()).isEqualTo(stored.size());
        assertThat(result.get("changed").asLong()).isEqualTo(expectedChanged).isPositive();
        List<String> changedIds = new java.util.ArrayList<>();
        result.get("changes").forEach(c -> changedIds.add(c.get("petitionId").asString()));
        assertThat(changedIds)
                .contains(road.petitionId().toString())
                .doesNotContain(health.petitionId().toString());
    }

    /** A back-filled petition from before the two-level reform goes to the body that must answer for its place now. */
    @Test
    void aPetitionReceivedBeforeTheReformGoesToTodaysBody() throws Exception {
        PetitionSubmitted before = Submissions.floodedCrossroads(Instant.parse("2025-03-03T02:00:00Z"));
        publish(before);

        casesTopic.await(KafkaProbe.withKey(before.petitionId().toString()), Duration.ofSeconds(20));
        JsonNode view = caseView(before.petitionId().toString());
        assertThat(view.get("explanation").get("authorityId").asString()).isEqualTo("ubnd-17605");
        assertThat(view.get("deadline").get("policyId").asString()).isEqualTo("recommendation.reply@2014-07-01");
    }

    /** The Law on Denunciations 2018 took effect on 1 January 2019; before that we hold no time limit. */
    @Test
    void aPetitionReceivedBeforeAnyTimeLimitWeHoldGoesToTriageNotToTheDeadLetters() throws Exception {
        PetitionSubmitted old = Submissions.of(
                PetitionKind.DENUNCIATION, "public_order", Submissions.HOP_MINH, Instant.parse("2018-06-01T02:00:00Z"));
        publish(old);

        var failed = casesTopic.await(KafkaProbe.withKey(old.petitionId().toString()), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(failed, "ce_type")).contains("vn.gandan.petition.routing_failed.v1");
        JsonNode view = caseView(old.petitionId().toString());
        assertThat(view.get("explanation").get("reason").asString()).isEqualTo("no_time_limit_policy");
        var assign = Http.at(port)
                .withBasic("operator", "operator")
                .post("/api/v1/cases/" + old.petitionId() + "/assign", "{\"toAuthorityId\":\"ubnd-17605\"}");
        assertThat(assign.status()).isEqualTo(422);
        assertThat(assign.json().get("errors").get(0).get("field").asString()).isEqualTo("receivedAt");
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopicWithItsReason() {
        String key = casesTopic.sendPoison(Topics.INTAKE_PETITIONS);

        var dead = deadLetters.await(KafkaProbe.withKey(key), Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(dead, "gandan_dlt-reason"))
                .hasValueSatisfying(m -> assertThat(m).contains("unknown event type"));
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).contains(Topics.INTAKE_PETITIONS);
    }

    @Test
    void casesNeedAnAuthenticatedPerson() {
        assertThat(Http.at(port).get("/api/v1/cases/" + UUID.randomUUID()).status())
                .isEqualTo(401);
        assertThat(Http.at(port)
                        .withBasic("analyst", "analyst")
                        .get("/api/v1/cases/" + UUID.randomUUID())
                        .status())
                .isEqualTo(403);
    }
}
