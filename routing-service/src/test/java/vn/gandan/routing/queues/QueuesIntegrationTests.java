package vn.gandan.routing.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.routing.Submissions;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.Cases;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The queues on real Kafka and MongoDB. The store is shared with the other test classes, so the assertions look
 * at what this class created: its own category, Xã Vân Tụ ({@code ubnd-17611}) and the provincial police
 * ({@code cong-an-40}), which no other test sends anything to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueuesIntegrationTests {

    static final String VAN_TU = "ubnd-17611";
    static final String POLICE = "cong-an-40";

    /** Only this run's cases carry it. */
    final String category = "queues.test-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    Cases cases;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    QueueGauges gauges;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    String recommendation;
    String complaint;
    String dueSoon;
    String escalated;
    String acknowledged;
    String longInTriage;
    String inTriage;
    String newestInTriage;
    JsonNode triageTransfer;

    @BeforeAll
    void createCases() throws Exception {
        Instant now = Instant.now();
        List<PetitionSubmitted> sent = new ArrayList<>();
        recommendation = send(sent, PetitionKind.RECOMMENDATION, Submissions.VAN_TU, now.minus(2, ChronoUnit.HOURS));
        complaint = send(sent, PetitionKind.COMPLAINT, Submissions.VAN_TU, now.minus(1, ChronoUnit.DAYS));
        dueSoon = send(sent, PetitionKind.DENUNCIATION, Submissions.VAN_TU, now.minus(1, ChronoUnit.HOURS));
        // Its reply was due long ago: on arrival it is overdue and escalated to the province's committee.
        escalated = send(sent, PetitionKind.RECOMMENDATION, Submissions.VAN_TU, now.minus(40, ChronoUnit.DAYS));
        acknowledged = send(sent, PetitionKind.RECOMMENDATION, Submissions.HOP_MINH, now.minus(3, ChronoUnit.HOURS));
        longInTriage = send(sent, PetitionKind.RECOMMENDATION, null, now.minus(40, ChronoUnit.DAYS));
        inTriage = send(sent, PetitionKind.COMPLAINT, null, now.minus(5, ChronoUnit.DAYS));
        newestInTriage = send(sent, PetitionKind.RECOMMENDATION, null, now.minus(1, ChronoUnit.HOURS));
        for (PetitionSubmitted event : sent) {
            awaitCase(event.petitionId().toString());
        }
        assertThat(as("responder")
                        .post("/api/v1/cases/" + acknowledged + "/acknowledge", "")
                        .status())
                .isEqualTo(200);
        // No legal period ends within two days of a weekend, so this deadline is set rather than waited for.
        mongo.updateFirst(
                query(where("_id").is(dueSoon)),
                new Update().set("clock.dueBy", Date.from(Instant.now().plus(Duration.ofDays(1)))),
                "cases");
        // From triage to the police, which has no parent body to escalate to: its clock runs from the receipt 40
        // days ago, so it is overdue and stays so. The other two ids are refused one by one.
        var moved = as("operator")
                .post(
                        "/api/v1/queues/triage/transfer",
                        "{\"petitionIds\":[\"" + longInTriage + "\",\"" + recommendation
                                + "\",\"00000000-0000-4000-8000-000000000000\"],"
                                + "\"toAuthorityId\":\"" + POLICE + "\",\"reason\":\"Vụ việc về trật tự\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        triageTransfer = moved.json();
    }

    private String send(List<PetitionSubmitted> sent, PetitionKind kind, String commune, Instant receivedAt)
            throws Exception {
        PetitionSubmitted event = Submissions.of(kind, category, commune, receivedAt);
        kafka.send(Topics.INTAKE_PETITIONS, event.petitionId().toString(), event)
                .get();
        sent.add(event);
        return event.petitionId().toString();
    }

    private void awaitCase(String id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (cases.findById(id).isEmpty()) {
            assertThat(Instant.now()).as("case %s routed in time", id).isBefore(until);
            Thread.sleep(100);
        }
    }

    Http as(String user) {
        return Http.at(port).withBasic(user, user);
    }

    JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode list(String user, String queue, String parameters) {
        return ok(as(user).get("/api/v1/queues/" + queue + "/cases?category=" + category + parameters));
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("petitionId").asString())
                .toList();
    }

    static Map<String, JsonNode> rows(JsonNode overview) {
        return StreamSupport.stream(overview.get("queues").spliterator(), false)
                .collect(Collectors.toMap(r -> r.get("authorityId").asString(), r -> r));
    }

    @Test
    @Order(1)
    void aTransferOutOfTriageMovesEachCaseAndRefusesOthersOneByOne() {
        assertThat(triageTransfer.get("moved").asInt()).isEqualTo(1);
        assertThat(triageTransfer.get("failed").asInt()).isEqualTo(2);
        JsonNode results = triageTransfer.get("results");
        assertThat(results.get(0).get("petitionId").asString()).isEqualTo(longInTriage);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("detail").asString())
                .isEqualTo("Case " + recommendation + " is not in queue triage.");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(404);

        Case moved = cases.findById(longInTriage).orElseThrow();
        assertThat(moved.getAuthority().id()).isEqualTo(POLICE);
        assertThat(cases.findById(recommendation).orElseThrow().getAuthority().id())
                .isEqualTo(VAN_TU);
        assertThat(ids(list("operator", "triage", ""))).containsExactly(inTriage, newestInTriage);
    }

    @Test
    @Order(2)
    void theOverviewCountsEachQueueOfTheProvinceTheMostOverdueFirst() {
        JsonNode overview = ok(as("operator").get("/api/v1/queues"));
        assertThat(overview.get("province").asString()).isEqualTo("40");
        Map<String, JsonNode> rows = rows(overview);

        JsonNode vanTu = rows.get(VAN_TU);
        assertThat(vanTu.get("authorityName").asString()).isEqualTo("Ủy ban nhân dân Xã Vân Tụ");
        assertThat(vanTu.get("counts").properties().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().asLong())))
                .isEqualTo(Map.of("routed", 3L, "acknowledged", 0L, "in_progress", 0L));
        assertThat(vanTu.get("total").asLong()).isEqualTo(3);
        assertThat(vanTu.get("dueSoon").asLong()).isEqualTo(1);
        assertThat(vanTu.get("overdue").asLong()).isZero();
        assertThat(Instant.parse(vanTu.get("oldestReceivedAt").asString()))
                .isEqualTo(
                        cases.findById(complaint).orElseThrow().getReceivedAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(vanTu.get("oldestAgeDays").asLong()).isEqualTo(1);

        JsonNode police = rows.get(POLICE);
        assertThat(police.get("overdue").asLong()).isEqualTo(1);
        assertThat(police.get("oldestAgeDays").asLong()).isEqualTo(40);

        JsonNode triage = rows.get("triage");
        assertThat(triage.get("authorityName").asString()).isEqualTo("Triage queue of Tỉnh Nghệ An");
        assertThat(triage.get("counts").propertyNames()).containsExactly("triage");
        assertThat(triage.get("counts").get("triage").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(rows.get("ubnd-17605").get("counts").get("acknowledged").asLong())
                .isGreaterThanOrEqualTo(1);

        List<JsonNode> ordered = StreamSupport.stream(overview.get("queues").spliterator(), false)
                .toList();
        for (int i = 1; i < ordered.size(); i++) {
            JsonNode before = ordered.get(i - 1);
            JsonNode after = ordered.get(i);
            assertThat(before.get("overdue").asLong())
                    .isGreaterThanOrEqualTo(after.get("overdue").asLong());
            if (before.get("overdue").asLong() == after.get("overdue").asLong()) {
                assertThat(before.get("total").asLong())
                        .isGreaterThanOrEqualTo(after.get("total").asLong());
            }
        }

        // The case escalated on arrival holds a new clock at the province's committee: not overdue there.
        JsonNode atProvince = list("operator", "ubnd-40", "");
        assertThat(ids(atProvince)).containsExactly(escalated);
        assertThat(atProvince.get("items").get(0).get("overdue").asBoolean()).isFalse();

        assertThat(rows(ok(as("admin").get("/api/v1/queues?province=40")))).containsKey(VAN_TU);
    }

    @Test
    @Order(3)
    void aListingFiltersSortsByDeadlineAndPages() {
        JsonNode all = list("operator", VAN_TU, "");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(ids(all)).hasSize(3).startsWith(dueSoon).contains(recommendation, complaint);
        List<Instant> dues = StreamSupport.stream(all.get("items").spliterator(), false)
                .map(i -> Instant.parse(i.get("dueAt").asString()))
                .toList();
        assertThat(dues).isSorted();
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("status").asString()).isEqualTo("routed");
        assertThat(first.get("kind").asString()).isEqualTo("denunciation");
        assertThat(first.get("communeCode").asString()).isEqualTo("17611");
        assertThat(first.get("trackingCode").asString()).startsWith("40-TEST");
        assertThat(first.get("overdue").asBoolean()).isFalse();
        assertThat(first.get("step").asString()).isEqualTo("acceptance");

        assertThat(ids(list("operator", VAN_TU, "&kind=complaint"))).containsExactly(complaint);
        assertThat(ids(list("operator", VAN_TU, "&state=routed,in_progress"))).hasSize(3);
        assertThat(ids(list("operator", VAN_TU, "&state=acknowledged"))).isEmpty();
        assertThat(ids(list("operator", VAN_TU, "&overdue=true"))).isEmpty();
        assertThat(ids(list("operator", VAN_TU, "&overdue=false"))).hasSize(3);
        assertThat(ids(list("operator", VAN_TU, "&commune=17605"))).isEmpty();
        String inThreeDays = vn.gandan.routing.clock.WorkingCalendar.localDate(Instant.now())
                .plusDays(3)
                .toString();
        assertThat(ids(list("operator", VAN_TU, "&dueBefore=" + inThreeDays))).containsExactly(dueSoon);
        assertThat(ids(list("operator", POLICE, "&overdue=true"))).containsExactly(longInTriage);

        JsonNode page0 = list("operator", VAN_TU, "&size=2");
        JsonNode page1 = list("operator", VAN_TU, "&size=2&page=1");
        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("size").asInt()).isEqualTo(2);
        List<String> paged = new ArrayList<>(ids(page0));
        paged.addAll(ids(page1));
        assertThat(paged).isEqualTo(ids(all));
    }

    @Test
    @Order(4)
    void eachCallerSeesOnlyTheQueuesOfItsJurisdiction() {
        Map<String, JsonNode> responders = rows(ok(as("responder").get("/api/v1/queues")));
        assertThat(responders.keySet()).containsExactly("ubnd-17605");
        assertThat(ids(list("responder", "ubnd-17605", ""))).containsExactly(acknowledged);
        assertThat(list("responder", "ubnd-17605", "")
                        .get("items")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("acknowledged");
        assertThat(as("responder").get("/api/v1/queues/" + VAN_TU + "/cases").status())
                .isEqualTo(403);
        assertThat(as("responder").get("/api/v1/queues/triage/cases").status()).isEqualTo(403);
        assertThat(as("responder")
                        .post("/api/v1/queues/ubnd-17605/transfer", transfer(List.of(acknowledged), VAN_TU))
                        .status())
                .isEqualTo(403);

        Map<String, JsonNode> hanoi = rows(ok(as("operator-hn").get("/api/v1/queues")));
        assertThat(hanoi).doesNotContainKeys(VAN_TU, POLICE, "ubnd-17605", "ubnd-40");
        assertThat(as("operator-hn").get("/api/v1/queues?province=40").status()).isEqualTo(403);
        var otherProvince = as("operator-hn").get("/api/v1/queues/" + VAN_TU + "/cases");
        assertThat(otherProvince.status()).isEqualTo(404);
        assertThat(otherProvince.contentType()).startsWith("application/problem+json");
        assertThat(as("operator-hn")
                        .post("/api/v1/queues/" + VAN_TU + "/transfer", transfer(List.of(recommendation), "ubnd-40"))
                        .status())
                .isEqualTo(404);

        assertThat(as("analyst").get("/api/v1/queues").status()).isEqualTo(403);
        assertThat(Http.at(port).get("/api/v1/queues").status()).isEqualTo(401);
        var noProvince = as("admin").get("/api/v1/queues");
        assertThat(noProvince.status()).isEqualTo(400);
        assertThat(noProvince.json().get("errors").get(0).get("field").asString())
                .isEqualTo("province");
    }

    @Test
    @Order(5)
    void badParametersAreProblemsNamingThem() {
        assertThat(badField("/api/v1/queues/" + VAN_TU + "/cases?state=resolved"))
                .isEqualTo("state");
        assertThat(badField("/api/v1/queues/" + VAN_TU + "/cases?size=0")).isEqualTo("size");
        assertThat(badField("/api/v1/queues/" + VAN_TU + "/cases?dueBefore=tomorrow"))
                .isEqualTo("dueBefore");
        assertThat(badField("/api/v1/queues/" + VAN_TU + "/cases?overdue=maybe"))
                .isEqualTo("overdue");
        assertThat(badField("/api/v1/queues/triage/cases?state=routed")).isEqualTo("state");

        var vietnamese =
                as("operator").withHeader("Accept-Language", "vi").get("/api/v1/queues/" + VAN_TU + "/cases?size=201");
        assertThat(vietnamese.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("phải là số nguyên từ 1 đến 200.");

        var unknown = as("operator").get("/api/v1/queues/ubnd-99999/cases");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("No authority ubnd-99999 is known.");

        String path = "/api/v1/queues/triage/transfer";
        assertThat(as("operator").post(path, transfer(List.of(), VAN_TU)).status())
                .isEqualTo(400);
        List<String> tooMany = IntStream.range(0, 501).mapToObj(i -> "p" + i).toList();
        var overLimit = as("operator").post(path, transfer(tooMany, VAN_TU));
        assertThat(overLimit.status()).isEqualTo(400);
        assertThat(overLimit.json().get("errors").get(0).get("field").asString())
                .isEqualTo("petitionIds");
        var blank = as("operator").post(path, transfer(List.of(inTriage), " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("toAuthorityId");
        var unknownTarget = as("operator").post(path, transfer(List.of(inTriage), "ubnd-99999"));
        assertThat(unknownTarget.status()).isEqualTo(400);
        assertThat(unknownTarget.json().get("errors").get(0).get("field").asString())
                .isEqualTo("toAuthorityId");
        assertThat(cases.findById(inTriage).orElseThrow().getAuthority()).isNull();
    }

    @Test
    @Order(6)
    void theGaugesHoldEachQueueAfterARefreshAndDropTheQueuesThatEmptied() {
        gauges.refresh();
        assertThat(gauge(QueueGauges.DEPTH, "authority", VAN_TU, "state", "routed"))
                .isEqualTo(3);
        assertThat(gauge(QueueGauges.DEPTH, "authority", VAN_TU, "state", "acknowledged"))
                .isNull();
        assertThat(gauge(QueueGauges.OVERDUE, "authority", VAN_TU)).isZero();
        assertThat(gauge(QueueGauges.DEPTH, "authority", POLICE, "state", "routed"))
                .isEqualTo(1);
        assertThat(gauge(QueueGauges.OVERDUE, "authority", POLICE)).isEqualTo(1);
        assertThat(gauge(QueueGauges.DEPTH, "authority", "ubnd-17605", "state", "acknowledged"))
                .isGreaterThanOrEqualTo(1);
        assertThat(gauge(QueueGauges.DEPTH, "authority", "triage-40", "state", "triage"))
                .isGreaterThanOrEqualTo(2);

        // The police's only case goes on to the province's committee: its queue empties and leaves the gauges.
        JsonNode moved = ok(as("operator")
                .post("/api/v1/queues/" + POLICE + "/transfer", transfer(List.of(longInTriage), "ubnd-40")));
        assertThat(moved.get("moved").asInt()).isEqualTo(1);
        gauges.refresh();
        assertThat(gauge(QueueGauges.DEPTH, "authority", POLICE, "state", "routed"))
                .isNull();
        assertThat(gauge(QueueGauges.OVERDUE, "authority", POLICE)).isNull();
    }

    @Test
    @Order(7)
    void theQueuesIndexesExist() {
        List<List<String>> indexed = mongo.indexOps("cases").getIndexInfo().stream()
                .map(i -> i.getIndexFields().stream().map(f -> f.getKey()).toList())
                .toList();
        assertThat(indexed)
                .contains(
                        List.of("provinceCode", "status"),
                        List.of(QueueCounts.AUTHORITY_ID, "status"),
                        List.of("clock.dueBy"));
    }

    private String badField(String path) {
        var response = as("operator").get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }

    private Double gauge(String name, String... tags) {
        Gauge found = meters.find(name).tags(tags).gauge();
        return found == null ? null : found.value();
    }

    private static String transfer(List<String> ids, String to) {
        String list = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return "{\"petitionIds\":[" + list + "],\"toAuthorityId\":\"" + to
                + "\",\"reason\":\"Chuyển theo thẩm quyền\"}";
    }
}
