package vn.gandan.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import vn.gandan.events.NotificationFailed;
import vn.gandan.events.NotificationSent;
import vn.gandan.events.PetitionAcknowledged;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRejected;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.Buckets;
import vn.gandan.reporting.resolution.PetitionTimeline;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * Publishes petitions received in 2024 in Hà Tĩnh (42, which no other test uses: their figures stay theirs), reads the reports, rebuilds, and expects the very same
 * figures from the new version; petitions published while it runs (in Quảng Trị, 44, received in 2023, so that the
 * compared figures stay still) must be counted in the new active version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionRebuildIntegrationTests {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String REBUILD = "/api/v1/admin/projections/rebuild";
    static final List<String> COMMUNES = List.of("17605", "16681", "16690");
    static final List<String> CATEGORIES = List.of("health", "education", "environment.waste");
    static final String ACTIVE = "/api/v1/admin/projections/active";
    /** Petitions imported from a portal's records among Hà Tĩnh's (ADR 0017). */
    static final int HISTORICAL = 3;

    static final List<String> REPORTS = List.of(
            "/api/v1/reports/resolution?groupBy=commune&period=month&from=2024-01-01&to=2024-12-31&province=42",
            "/api/v1/reports/resolution?groupBy=category&period=quarter&from=2024-01-01&to=2025-12-31&province=42",
            "/api/v1/reports/resolution?groupBy=authority&period=range&from=2024-01-01&to=2024-12-31&province=42",
            "/api/v1/reports/resolution?groupBy=commune&period=month&from=2024-01-01&to=2024-12-31&province=42"
                    + "&asOf=2024-05-15",
            "/api/v1/reports/summary?province=42");

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    @LocalServerPort
    int port;

    final Random random = new Random(2024);
    /** Petition id → how many distinct events it has. */
    final Map<String, Integer> published = new HashMap<>();

    Http admin() {
        return Http.at(port).withBasic("admin", "admin");
    }

    @BeforeAll
    void publishAndWait() throws Exception {
        List<PetitionEvent> events = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            events.addAll(petition("42", LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300))));
        }
        for (int n = 0; n < HISTORICAL; n++) {
            events.addAll(historical("42", LocalDate.of(2024, 2, 1).plusDays(n * 40L)));
        }
        publish(events);
        // one duplicate of each fifth event: counted once before and after the rebuild
        for (int i = 0; i < events.size(); i += 5) {
            kafka.send(events.get(i).type().topic(), events.get(i).petitionId().toString(), events.get(i));
        }
        kafka.flush();
        awaitApplied();
    }

    List<PetitionEvent> petition(String province, LocalDate receivedDay) {
        PetitionId id = PetitionId.random();
        String commune = COMMUNES.get(random.nextInt(COMMUNES.size()));
        Place place = new Place(province, commune);
        Instant received = receivedDay.atTime(9, 0).atZone(VN).toInstant();
        AuthorityRef with = new AuthorityRef("rb-ubnd-" + commune, "Ủy ban nhân dân " + commune, commune);
        List<PetitionEvent> own = new ArrayList<>();
        own.add(new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                received,
                province + "-RB",
                "portal:it",
                PetitionKind.values()[random.nextInt(3)],
                CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                Channel.PORTAL,
                received,
                place,
                "Đơn thử",
                null,
                null,
                null,
                null));
        Instant t = received.plus(2, ChronoUnit.HOURS);
        Deadline acceptance = new Deadline(Deadline.ACCEPTANCE, t.plus(3, ChronoUnit.DAYS), "p@1");
        own.add(new PetitionRouted(UUID.randomUUID(), id, t, with, place, "rule", 1, acceptance));
        t = t.plus(1, ChronoUnit.DAYS);
        Deadline resolution = new Deadline(Deadline.RESOLUTION, t.plus(30, ChronoUnit.DAYS), "p@1");
        own.add(new PetitionAcknowledged(UUID.randomUUID(), id, t, with, resolution));
        int outcome = random.nextInt(4);
        if (outcome < 2) {
            t = t.plus(random.nextInt(60), ChronoUnit.DAYS);
            own.add(new PetitionResolved(UUID.randomUUID(), id, t, with, "done"));
        } else if (outcome == 2) {
            own.add(new PetitionRejected(
                    UUID.randomUUID(), id, t.plusSeconds(60), with, PetitionRejected.NOT_ACCEPTED, "no"));
        }
        if (random.nextBoolean()) {
            own.add(new NotificationSent(
                    UUID.randomUUID(), id, t, UUID.randomUUID(), "new_case", "log", "authority:" + with.id()));
        } else if (random.nextInt(3) == 0) {
            own.add(new NotificationFailed(
                    UUID.randomUUID(), id, t, UUID.randomUUID(), "new_case", "sms", "authority:x", "bounced"));
        }
        published.put(id.toString(), own.size());
        return own;
    }

    /** Imported from a portal's records (ADR 0017): submitted and routed as historical, no deadline. */
    List<PetitionEvent> historical(String province, LocalDate receivedDay) {
        PetitionId id = PetitionId.random();
        String commune = COMMUNES.get(0);
        Place place = new Place(province, commune);
        Instant received = receivedDay.atTime(9, 0).atZone(VN).toInstant();
        Instant imported = Instant.parse("2024-11-30T02:00:00Z");
        // the name the live petitions give it too: names are kept as the last event gave them
        AuthorityRef with = new AuthorityRef("rb-ubnd-" + commune, "Ủy ban nhân dân " + commune, commune);
        List<PetitionEvent> own = List.of(
                new PetitionSubmitted(
                        UUID.randomUUID(),
                        id,
                        imported,
                        province + "-RB",
                        "portal:it",
                        PetitionKind.COMPLAINT,
                        "health",
                        Channel.PORTAL,
                        received,
                        place,
                        "Đơn cũ",
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        true),
                new PetitionRouted(
                        UUID.randomUUID(), id, imported.plusSeconds(60), with, place, "rule", 1, null, true));
        published.put(id.toString(), own.size());
        return own;
    }

    void publish(List<PetitionEvent> events) {
        for (PetitionEvent event : events) {
            kafka.send(event.type().topic(), event.petitionId().toString(), event);
        }
        kafka.flush();
    }

    void awaitApplied() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(this::allApplied);
    }

    boolean allApplied() {
        ProjectionVersion active = versions.active();
        for (var petition : published.entrySet()) {
            PetitionTimeline t = mongo.findById(
                    petition.getKey(), PetitionTimeline.class, active.collection(PetitionTimeline.COLLECTION));
            if (t == null || t.getEvents().size() != petition.getValue() || t.hasPending()) {
                return false;
            }
        }
        return true;
    }

    Map<String, JsonNode> reports() {
        Map<String, JsonNode> answers = new HashMap<>();
        for (String report : REPORTS) {
            Http.Response response = admin().get(report);
            assertThat(response.status()).as(report).isEqualTo(200);
            answers.put(report, response.json());
        }
        return answers;
    }

    long receivedInQuangTri2023() {
        JsonNode rows = admin().get(
                        "/api/v1/reports/resolution?groupBy=province&period=year&from=2023-01-01&to=2023-12-31&province=44")
                .json()
                .get("rows");
        long received = 0;
        for (JsonNode row : rows) {
            received += row.get("received").asLong();
        }
        return received;
    }

    JsonNode status() {
        Http.Response response = admin().get(REBUILD);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void rebuildGivesTheSameFiguresInANewVersionAndCountsWhatArrivesMeanwhile() {
        Map<String, JsonNode> before = reports();
        assertThat(before.get(REPORTS.get(0)).get("rows")).isNotEmpty();
        long imported = 0;
        for (JsonNode row : before.get(REPORTS.get(0)).get("rows")) {
            imported += row.get("imported").asLong();
        }
        assertThat(imported)
                .as("the compared figures include imported petitions")
                .isEqualTo(HISTORICAL);
        assertThat(before.get(REPORTS.get(4)).get("byStatus").get("archived").asLong())
                .isEqualTo(HISTORICAL);
        long quangTriBefore = receivedInQuangTri2023();
        ProjectionVersion old = versions.active();
        poison();

        Http.Response started = admin().post(REBUILD, "");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("targetVersion").asInt()).isEqualTo(old.number() + 1);
        Http.Response second = admin().post(REBUILD, "");
        assertThat(second.status()).as("a second rebuild while one runs").isEqualTo(409);
        assertThat(second.contentType()).contains("application/problem+json");

        List<PetitionEvent> meanwhile = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            meanwhile.addAll(petition("44", LocalDate.of(2023, 3, 1).plusDays(n)));
        }
        publish(meanwhile);

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !List.of("replaying", "switched")
                        .contains(status().get("state").asString()));
        JsonNode done = status();
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("activeVersion").asInt()).isEqualTo(old.number() + 1);
        assertThat(versions.active()).isEqualTo(old.next());
        assertThat(done.get("applied").asLong())
                .isGreaterThanOrEqualTo(published.values().stream()
                        .mapToLong(Integer::longValue)
                        .sum());
        assertThat(done.get("skipped").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(done.get("skippedReasons").toString()).contains(Topics.ROUTING_CASES);
        assertThat(done.get("finishedAt").isNull()).isFalse();
        done.get("partitions").properties().forEach(p -> assertThat(
                        p.getValue().get("offset").asLong())
                .as(p.getKey())
                .isGreaterThanOrEqualTo(p.getValue().get("endOffset").asLong()));

        assertThat(reports()).isEqualTo(before);
        for (String base : ProjectionRebuild.COLLECTIONS) {
            assertThat(mongo.collectionExists(old.collection(base)))
                    .as("old " + base + " kept")
                    .isTrue();
            assertThat(mongo.collectionExists(old.next().collection(base))).isTrue();
        }
        assertThat(mongo.getCollection(old.next().collection(Buckets.COLLECTION))
                        .countDocuments())
                .isPositive();

        awaitApplied(); // in the new active version, the meanwhile petitions included
        assertThat(receivedInQuangTri2023()).isEqualTo(quangTriBefore + 5);

        List<PetitionEvent> after = new ArrayList<>(petition("44", LocalDate.of(2023, 6, 1)));
        publish(after);
        awaitApplied();
        assertThat(receivedInQuangTri2023()).isEqualTo(quangTriBefore + 6);

        // back to the kept version: Hà Tĩnh's figures there are those from before the rebuild
        assertThat(activate("{\"version\":99}").statusCode()).isEqualTo(400);
        assertThat(activate("{}").statusCode()).isEqualTo(400);
        HttpResponse<String> back = activate("{\"version\":" + old.number() + "}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(versions.active()).isEqualTo(old);
        assertThat(reports()).isEqualTo(before);
        assertThat(activate("{\"version\":" + old.next().number() + "}").statusCode())
                .isEqualTo(200);
        assertThat(versions.active()).isEqualTo(old.next());
        assertThat(receivedInQuangTri2023()).isEqualTo(quangTriBefore + 6);
    }

    HttpResponse<String> activate(String body) {
        try {
            String token = java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes());
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ACTIVE))
                                    .header("Authorization", "Basic " + token)
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Read by the live listener too, which dead-letters it; the rebuild counts and skips it. */
    void poison() {
        try (KafkaProbe probe = KafkaProbe.reading(Topics.deadLetter(Topics.REPORTING_GROUP))) {
            String key = probe.sendPoison(Topics.ROUTING_CASES);
        }
    }

    @Test
    void aRebuildRunningOnAnotherInstanceIsAConflict() {
        ProjectionVersion target = versions.active().next();
        assertThat(versions.claimRebuild("another-instance", target, Instant.now(), Duration.ofMinutes(5)))
                .isTrue();
        try {
            Http.Response refused = admin().post(REBUILD, "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains(String.valueOf(target.number()));
            assertThat(activate("{\"version\":1}").statusCode()).isEqualTo(409);
        } finally {
            versions.releaseRebuild("another-instance");
        }
        assertThat(versions.rebuildingInto(Instant.now())).isEmpty();
    }

    @Test
    void onlyAnAdminMayRebuild() {
        for (String user : List.of("analyst", "operator")) {
            Http http = Http.at(port).withBasic(user, user);
            assertThat(http.post(REBUILD, "").status()).as(user).isEqualTo(403);
            assertThat(http.get(REBUILD).status()).as(user).isEqualTo(403);
        }
        assertThat(Http.at(port).get(REBUILD).status()).isEqualTo(401);
    }
}
