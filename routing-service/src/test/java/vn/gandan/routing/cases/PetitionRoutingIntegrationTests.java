package vn.gandan.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.Channel;
import vn.gandan.events.EventType;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.routing.Submissions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.OnePoll;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.StoreCommands;

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

    @Autowired
    MongoTemplate mongo;

    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry containers;

    @Autowired
    CaseTimers timers;

    @Autowired
    CaseDeadlines deadlines;

    @Autowired
    DeadlineScheduler scheduler;

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
     * Archived history (ADR 0017) is not evaluated: no rule change would route it again.
     */
    @Test
    void simulatesADraftRuleSetOverTheStoredCases() throws Exception {
        PetitionSubmitted road = Submissions.of(
                PetitionKind.RECOMMENDATION, "infrastructure.roads", Submissions.HOP_MINH, Instant.now());
        PetitionSubmitted health =
                Submissions.of(PetitionKind.RECOMMENDATION, "health", Submissions.HOP_MINH, Instant.now());
        PetitionSubmitted archivedRoad = Submissions.historical(Submissions.of(
                PetitionKind.RECOMMENDATION,
                "infrastructure.roads",
                Submissions.HOP_MINH,
                Instant.now().minus(Duration.ofDays(400))));
        publish(road);
        publish(health);
        publish(archivedRoad);
        casesTopic.await(KafkaProbe.withKey(road.petitionId().toString()), Duration.ofSeconds(20));
        casesTopic.await(KafkaProbe.withKey(health.petitionId().toString()), Duration.ofSeconds(20));
        casesTopic.await(KafkaProbe.withKey(archivedRoad.petitionId().toString()), Duration.ofSeconds(20));

        List<Case> stored = cases.findAll().stream()
                .filter(c -> c.getProvinceCode().equals("40"))
                .filter(c -> c.getStatus() != CaseState.ARCHIVED)
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
                .doesNotContain(
                        health.petitionId().toString(),
                        archivedRoad.petitionId().toString());
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

    /** Types of the events published for a petition so far, after reading the topic for {@code during}. */
    List<String> typesFor(String id, Duration during) {
        return casesTopic.recordsWithKey(id, during).stream()
                .map(r -> KafkaProbe.header(r, "ce_type").orElseThrow())
                .map(t -> t.substring("vn.gandan.petition.".length(), t.length() - ".v1".length()))
                .toList();
    }

    static PetitionEvent decoded(ConsumerRecord<String, byte[]> record) {
        EventType type = EventType.ofTypeName(
                        KafkaProbe.header(record, "ce_type").orElseThrow())
                .orElseThrow();
        return new PetitionEventCodec().fromJson(type, record.value());
    }

    boolean hasTimer(String id) {
        return mongo.findById(id, org.bson.Document.class, CaseTimers.COLLECTION) != null;
    }

    double decisions(String rule, String outcome) {
        var counter = meters.find("gandan.routing.decisions")
                .tags("rule", rule, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * ADR 0017: a petition imported from a portal's records, received three years ago, is decided by today's rules
     * and archived there, with no clock. The same petition sent live arrives overdue and escalated, as ADR 0009
     * wants for a late offline petition: the difference is the flag alone.
     */
    @Test
    void aHistoricalPetitionIsArchivedAtTodaysBodyWithNoClockAndNoAlerts() throws Exception {
        Instant threeYearsAgo = Instant.now().minus(Duration.ofDays(3 * 365));
        PetitionSubmitted live = Submissions.of(
                PetitionKind.RECOMMENDATION, "infrastructure.drainage", Submissions.HOP_MINH, threeYearsAgo);
        PetitionSubmitted history = Submissions.historical(Submissions.of(
                PetitionKind.RECOMMENDATION, "infrastructure.drainage", Submissions.THANH_VINH, threeYearsAgo));
        String liveId = live.petitionId().toString();
        String id = history.petitionId().toString();
        double archivedBefore = decisions("commune-people-committee", "archived");
        publish(live);
        publish(history);

        // The live one arrives overdue and escalated at once, to today's parent of today's body, though its due day
        // was before the two-level reform.
        casesTopic.await(
                r -> liveId.equals(r.key())
                        && KafkaProbe.header(r, "ce_type").orElse("").equals("vn.gandan.petition.escalated.v1"),
                Duration.ofSeconds(20));
        assertThat(typesFor(liveId, Duration.ZERO)).containsExactly("routed", "overdue", "escalated");
        assertThat(cases.findById(liveId).orElseThrow().getClock()).isNotNull();

        // The historical one: routed on the record, historical, without a deadline, and nothing more.
        var record = casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(decoded(record)).isInstanceOfSatisfying(PetitionRouted.class, routed -> {
            assertThat(routed.fromHistory()).isTrue();
            assertThat(routed.deadline()).isNull();
            assertThat(routed.authority().id()).isEqualTo("ubnd-16681");
            assertThat(routed.ruleId()).isEqualTo("commune-people-committee");
        });
        assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"historical\":true")
                .doesNotContain("\"deadline\"");
        JsonNode view = caseView(id);
        assertThat(view.get("status").asString()).isEqualTo("archived");
        assertThat(view.get("authority").get("id").asString()).isEqualTo("ubnd-16681");
        assertThat(view.get("explanation").get("ruleId").asString()).isEqualTo("commune-people-committee");
        assertThat(view.get("deadline").isNull()).isTrue();
        assertThat(view.get("history")).hasSize(1);
        assertThat(view.get("history").get(0).get("action").asString()).isEqualTo("archived");
        Case stored = cases.findById(id).orElseThrow();
        assertThat(stored.getClock()).isNull();
        assertThat(stored.getAlerts()).isEmpty();
        assertThat(hasTimer(id)).isFalse();
        assertThat(decisions("commune-people-committee", "archived")).isEqualTo(archivedBefore + 1);

        // Even a stray timer (say, left by an older version) makes the scheduler say nothing about it.
        timers.dueBy(id, Instant.now().minus(Duration.ofMinutes(5)));
        scheduler.runOnce();
        assertThat(deadlines.fireDue(cases.findById(id).orElseThrow(), Instant.now()))
                .isFalse();
        assertThat(typesFor(id, Duration.ofSeconds(3))).containsExactly("routed");
        assertThat(hasTimer(id)).isFalse();

        // In no working queue: its authority has no row in the overview and an empty queue.
        JsonNode overview = Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/queues")
                .json();
        List<String> queues = new java.util.ArrayList<>();
        overview.get("queues").forEach(q -> queues.add(q.get("authorityId").asString()));
        assertThat(queues).contains("triage").doesNotContain("ubnd-16681");
        JsonNode queue = Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/queues/ubnd-16681/cases")
                .json();
        assertThat(queue.get("total").asLong()).isZero();
    }

    /**
     * ADR 0017: history the rules cannot place (here no commune, or intake asking for an operator) is archived
     * without an authority, not sent to triage: no operator has anything to decide about it.
     */
    @Test
    void anUnplaceableHistoricalPetitionIsArchivedWithoutAnAuthorityAndNotTriaged() throws Exception {
        Instant received = Instant.now().minus(Duration.ofDays(3 * 365));
        PetitionSubmitted noCommune = Submissions.historical(
                Submissions.of(PetitionKind.RECOMMENDATION, "infrastructure.drainage", null, received));
        PetitionSubmitted flagged = Submissions.historical(submitted(null));
        double before = decisions("none", "archived") + decisions("commune-people-committee", "archived");
        publish(noCommune);
        publish(flagged);

        for (PetitionSubmitted sent : List.of(noCommune, flagged)) {
            String id = sent.petitionId().toString();
            var record = casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
            String reason = sent == flagged ? "address_unresolved" : "commune_missing";
            assertThat(decoded(record)).isInstanceOfSatisfying(PetitionRoutingFailed.class, failed -> {
                assertThat(failed.fromHistory()).isTrue();
                assertThat(failed.reason()).isEqualTo(reason);
            });
            JsonNode view = caseView(id);
            assertThat(view.get("status").asString()).isEqualTo("archived");
            assertThat(view.get("authority").isNull()).isTrue();
            assertThat(view.get("deadline").isNull()).isTrue();
            assertThat(view.get("explanation").get("reason").asString()).isEqualTo(reason);
            assertThat(view.get("history").get(0).get("action").asString()).isEqualTo("archived");
            assertThat(hasTimer(id)).isFalse();
        }
        assertThat(decisions("none", "archived") + decisions("commune-people-committee", "archived"))
                .isEqualTo(before + 2);

        // The triage queue lists by receipt, oldest first: three-year-old cases would lead it if they were there.
        JsonNode triage = Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/queues/triage/cases?size=200")
                .json();
        List<String> waiting = new java.util.ArrayList<>();
        triage.get("items").forEach(i -> waiting.add(i.get("petitionId").asString()));
        assertThat(waiting)
                .doesNotContain(
                        noCommune.petitionId().toString(), flagged.petitionId().toString());
        assertThat(Http.at(port)
                        .withBasic("operator", "operator")
                        .get("/api/v1/queues/triage/cases?state=archived")
                        .status())
                .isEqualTo(400);
    }

    /** ADR 0017: no action applies to history, whoever asks: a 409 problem that changes nothing. */
    @Test
    void noActionAppliesToAnArchivedCase() throws Exception {
        Instant received = Instant.now().minus(Duration.ofDays(3 * 365));
        // At Xã Hợp Minh, whose responder would hold it if it were live.
        PetitionSubmitted placed = Submissions.historical(
                Submissions.of(PetitionKind.COMPLAINT, "land.dispute", Submissions.HOP_MINH, received));
        PetitionSubmitted unplaced =
                Submissions.historical(Submissions.of(PetitionKind.COMPLAINT, "land.dispute", null, received));
        publish(placed);
        publish(unplaced);
        String id = placed.petitionId().toString();
        String none = unplaced.petitionId().toString();
        casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        casesTopic.await(KafkaProbe.withKey(none), Duration.ofSeconds(20));
        assertThat(caseView(id).get("authority").get("id").asString()).isEqualTo("ubnd-17605");

        var acknowledged =
                Http.at(port).withBasic("responder", "responder").post("/api/v1/cases/" + id + "/acknowledge", "");
        assertThat(acknowledged.status()).isEqualTo(409);
        assertThat(acknowledged.contentType()).startsWith("application/problem+json");
        assertThat(acknowledged.json().get("detail").asString())
                .isEqualTo("This case is an imported historical petition, kept on the record only: it cannot be"
                        + " acknowledged.");
        Http operator = Http.at(port).withBasic("operator", "operator");
        assertThat(Http.at(port)
                        .withBasic("responder", "responder")
                        .post("/api/v1/cases/" + id + "/resolve", "{\"response\":\"Đã xử lý.\"}")
                        .status())
                .isEqualTo(409);
        for (String archived : List.of(id, none)) {
            assertThat(operator.post("/api/v1/cases/" + archived + "/assign", "{\"toAuthorityId\":\"ubnd-16681\"}")
                            .status())
                    .isEqualTo(409);
            assertThat(operator.post("/api/v1/cases/" + archived + "/reopen", "{\"reason\":\"again\"}")
                            .status())
                    .isEqualTo(409);
            assertThat(operator.post("/api/v1/cases/" + archived + "/close", "").status())
                    .isEqualTo(409);
        }
        var bulk = operator.post(
                "/api/v1/queues/triage/transfer",
                "{\"petitionIds\":[\"" + none + "\"],\"toAuthorityId\":\"ubnd-16681\",\"reason\":\"x\"}");
        assertThat(bulk.json().get("results").get(0).get("status").asInt()).isEqualTo(409);

        for (String archived : List.of(id, none)) {
            JsonNode view = caseView(archived);
            assertThat(view.get("status").asString()).isEqualTo("archived");
            assertThat(view.get("history")).hasSize(1);
        }
        assertThat(typesFor(id, Duration.ofSeconds(1))).containsExactly("routed");
        assertThat(typesFor(none, Duration.ZERO)).containsExactly("routing_failed");
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

    /**
     * A poll's submissions cost one write per collection, not one each: counted by the driver's command metrics, as
     * the benchmark counts them. One key for all, so that one consumer gets them in one poll, and a replay among
     * them, which must not route twice.
     */
    @Test
    void aPollOfSubmissionsIsRoutedInOneWritePerCollection() throws Exception {
        List<PetitionSubmitted> poll = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            poll.add(submitted("17605"));
        }
        long caseInserts = commands("insert", "cases");
        long timerWrites = commands("update", CaseTimers.COLLECTION);
        String key = poll.get(0).petitionId().toString();

        OnePoll.of(containers, PetitionSubmittedListener.ID, () -> {
            for (PetitionSubmitted event : poll) {
                kafka.send(Topics.INTAKE_PETITIONS, key, event).join();
            }
            kafka.send(Topics.INTAKE_PETITIONS, key, poll.get(1)).join();
        });

        for (PetitionSubmitted event : poll) {
            String id = event.petitionId().toString();
            var routed = casesTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(routed, "ce_type")).contains("vn.gandan.petition.routed.v1");
            assertThat(mongo.exists(
                            org.springframework.data.mongodb.core.query.Query.query(
                                    org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                            .is(id)),
                            CaseTimers.COLLECTION))
                    .as("the timer of %s", id)
                    .isTrue();
        }
        assertThat(casesTopic.recordsWithKey(poll.get(1).petitionId().toString(), Duration.ofSeconds(1)))
                .as("the replay in the poll routed nothing again")
                .hasSize(1);
        // At most two: a fetch in flight when the listener paused brings its record in a poll of its own.
        assertThat(commands("insert", "cases") - caseInserts).isBetween(1L, 2L);
        assertThat(commands("update", CaseTimers.COLLECTION) - timerWrites).isBetween(1L, 2L);
    }

    long commands(String command, String collection) {
        return StoreCommands.count(meters, command, collection);
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
