package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * ADR 0017 through Kafka and the store: a petition imported from a portal's records and a live one, received the
 * same day in the same commune of Thanh Hoá (38, which no other test uses: its figures are these two only). The
 * imported one was imported on 1 June 2025, the live one entered on 3 June, so the figures as of 2 June show the
 * imported one alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoricalPetitionsIntegrationTests {

    static final String PROVINCE = "38";
    static final Place PLACE = new Place(PROVINCE, "14758");
    static final Instant RECEIVED = Instant.parse("2021-05-10T02:00:00Z");
    /** The authority of the commune, with the live petition, and the province's, with the imported one only. */
    static final AuthorityRef COMMUNE = new AuthorityRef("hi-ubnd-14758", "Ủy ban nhân dân Phường Hàm Rồng", "14758");

    static final AuthorityRef PROVINCIAL = new AuthorityRef("hi-ubnd-38", "Ủy ban nhân dân Tỉnh Thanh Hoá", "38");
    static final String MONTH = "&period=month&from=2021-05-01&to=2021-05-31&province=" + PROVINCE;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    @LocalServerPort
    int port;

    final PetitionId historical = PetitionId.random();
    final PetitionId live = PetitionId.random();

    static PetitionSubmitted submitted(PetitionId id, Instant at, Boolean fromHistory) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                at,
                "38-H",
                "portal:it",
                PetitionKind.COMPLAINT,
                "health",
                Channel.PORTAL,
                RECEIVED,
                PLACE,
                "Đơn thử",
                null,
                null,
                null,
                null,
                Map.of(),
                fromHistory);
    }

    @BeforeAll
    void publish() throws Exception {
        Instant imported = Instant.parse("2025-06-01T03:00:00Z");
        Instant entered = Instant.parse("2025-06-03T03:00:00Z");
        // routing records an imported petition with no deadline (ADR 0017); the live one's clock ran out long ago
        Deadline acceptance = new Deadline(Deadline.ACCEPTANCE, Instant.parse("2021-05-13T16:59:59Z"), "p@1");
        List<PetitionEvent> events = List.of(
                submitted(historical, imported, true),
                new PetitionRouted(
                        UUID.randomUUID(),
                        historical,
                        imported.plusSeconds(60),
                        PROVINCIAL,
                        PLACE,
                        "rule",
                        1,
                        null,
                        true),
                submitted(live, entered, null),
                new PetitionRouted(
                        UUID.randomUUID(), live, entered.plusSeconds(60), COMMUNE, PLACE, "rule", 1, acceptance));
        for (PetitionEvent event : events) {
            kafka.send(event.type().topic(), event.petitionId().toString(), event)
                    .get();
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> applied(historical) && applied(live));
    }

    boolean applied(PetitionId id) {
        PetitionTimeline t = mongo.findById(
                id.toString(), PetitionTimeline.class, versions.active().collection(PetitionTimeline.COLLECTION));
        return t != null && t.getEvents().size() == 2 && !t.hasPending();
    }

    Http admin() {
        return Http.at(port).withBasic("admin", "admin");
    }

    /** Group → "received=… imported=… handlingRate=… open=…" of the month's rows. */
    Map<String, String> rows(String query) {
        Map<String, String> rows = new TreeMap<>();
        Http.Response response = admin().get("/api/v1/reports/resolution?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode r : response.json().get("rows")) {
            rows.put(
                    r.get("group").asString() + " " + r.get("period").asString(),
                    "received=" + r.get("received").asLong()
                            + " imported=" + r.get("imported").asLong()
                            + " handlingRate=" + ResolutionReportsIntegrationTests.decimal(r.get("handlingRate"))
                            + " open=" + r.get("openAtEnd").asLong()
                            + " repeats=" + r.get("repeats").asLong());
        }
        return rows;
    }

    @Test
    void theImportedPetitionIsImportedBesideTheLiveOneReceivedAndNotInTheBacklog() {
        assertThat(rows("groupBy=province" + MONTH))
                .isEqualTo(Map.of("38 2021-05", "received=1 imported=1 handlingRate=0.0000 open=1 repeats=0"));
        // the province's authority answers for the imported petition only: listed, with nothing received or open
        assertThat(rows("groupBy=authority" + MONTH))
                .isEqualTo(Map.of(
                        "hi-ubnd-14758 2021-05", "received=1 imported=0 handlingRate=0.0000 open=1 repeats=0",
                        "hi-ubnd-38 2021-05", "received=0 imported=1 handlingRate=null open=0 repeats=0"));
        assertThat(rows("groupBy=province&authority=hi-ubnd-38" + MONTH))
                .isEqualTo(Map.of("38 2021-05", "received=0 imported=1 handlingRate=null open=0 repeats=0"));

        JsonNode overdue =
                admin().get("/api/v1/reports/overdue?province=" + PROVINCE).json();
        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.get("cases").get(0).get("petitionId").asString()).isEqualTo(live.toString());
    }

    @Test
    void asOfTheDayBeforeTheLiveOneWasEnteredOnlyTheImportedOneIsThere() {
        assertThat(rows("groupBy=province&asOf=2025-06-02" + MONTH))
                .isEqualTo(Map.of("38 2021-05", "received=0 imported=1 handlingRate=null open=0 repeats=0"));
        assertThat(rows("groupBy=province&asOf=2025-05-31" + MONTH)).isEmpty();
    }

    @Test
    void theCsvAndTheDefinitionsShowImported() {
        String csv = admin().withHeader("Accept", "text/csv")
                .get("/api/v1/reports/resolution?groupBy=province" + MONTH)
                .body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("group,groupName,period,received,imported,handled,");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("38,Tỉnh Thanh Hoá,2021-05,1,1,0,");
        assertThat(Http.at(port).get("/v3/api-docs").body())
                .contains("petitions imported from a portal's records; their outcome is unknown, so they are in no"
                        + " rate and not open");
    }

    @Test
    void theSummaryCountsItArchivedAndItsTimelineSaysSo() {
        JsonNode summary =
                admin().get("/api/v1/reports/summary?province=" + PROVINCE).json();
        assertThat(summary.get("total").asLong()).isEqualTo(2);
        assertThat(summary.get("byStatus").get("archived").asLong()).isEqualTo(1);
        assertThat(summary.get("byStatus").get("routed").asLong()).isEqualTo(1);
        assertThat(admin().get("/api/v1/reports/petitions/" + historical + "/timeline")
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("archived");
    }
}
