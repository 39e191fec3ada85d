package vn.gandan.intake.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.OnePoll;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.StoreCommands;

/**
 * The status a portal sees follows routing's events, a poll's worth per store write: counted by the driver's
 * command metrics, as the benchmark counts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class RoutingStatusIntegrationTests {

    static KafkaProbe deadLetters;

    static final AuthorityRef OFFICE = new AuthorityRef("ubnd-17605", "UBND phường Long Thành", "17605");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    KafkaListenerEndpointRegistry containers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void readDeadLetters() {
        deadLetters = KafkaProbe.reading(Topics.deadLetter(Topics.INTAKE_GROUP));
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    @Test
    void aPollOfRoutingEventsSetsEveryStatusInOneWrite() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit());
        }
        awaitRelayed(ids);
        long before = petitionUpdates();

        inOneBatch(() -> {
            for (String id : ids.subList(0, 5)) {
                kafka.send(Topics.ROUTING_CASES, id, routed(id));
            }
            kafka.send(Topics.ROUTING_CASES, ids.get(5), failed(ids.get(5))).join();
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : ids.subList(0, 5)) {
                assertThat(status(id)).as(id).isEqualTo("routed");
            }
            assertThat(status(ids.get(5))).isEqualTo("triage");
        });
        assertThat(portal().get("/api/v1/petitions/" + ids.get(0))
                        .json()
                        .get("authorityName")
                        .asString())
                .isEqualTo(OFFICE.name());
        // At most two for six events: a fetch in flight when the listener paused brings its record in a poll of its
        // own.
        assertThat(petitionUpdates() - before)
                .as("update commands on petitions")
                .isBetween(1L, 2L);
    }

    @Test
    void anUnreadableRoutingRecordIsDeadLetteredAndTheStatusBehindItIsSet() {
        String id = submit();
        byte[] poison = "not an event".getBytes(StandardCharsets.UTF_8);

        inOneBatch(() -> {
            deadLetters.send(Topics.ROUTING_CASES, id, poison, Map.of());
            kafka.send(Topics.ROUTING_CASES, id, routed(id)).join();
        });

        var dead = deadLetters.await(KafkaProbe.withKey(id), Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(KafkaProbe.header(dead, "gandan_dlt-reason"))
                .hasValueSatisfying(r -> assertThat(r).isNotBlank());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(status(id)).isEqualTo("routed"));
    }

    private Http portal() {
        return Http.at(port).withApiKey("demo-portal-key");
    }

    private String submit() {
        String body = """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "portalReference":"S-%s"}
                """.formatted(UUID.randomUUID());
        Http.Response created = portal().post("/api/v1/petitions", body);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String status(String id) {
        return portal().get("/api/v1/petitions/" + id).json().get("status").asString();
    }

    /** Until the relay has pulled their events (its pull is an update of petitions too) and gone quiet. */
    private void awaitRelayed(List<String> ids) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.find(query(where("_id").in(ids)), Document.class, "petitions").stream()
                        .allMatch(p ->
                                p.getList("outbox", Object.class, List.of()).isEmpty()));
        long settled = petitionUpdates();
        await().pollDelay(Duration.ofMillis(500)).until(() -> petitionUpdates() == settled);
    }

    private long petitionUpdates() {
        return StoreCommands.count(meters, "update", "petitions");
    }

    /** The listener paused while {@code sends} run, so that its next poll brings all their records at once. */
    private void inOneBatch(Runnable sends) {
        OnePoll.of(containers, RoutingEventsListener.ID, sends);
    }

    private static PetitionRouted routed(String id) {
        return new PetitionRouted(
                UUID.randomUUID(),
                PetitionId.of(id),
                Instant.now(),
                OFFICE,
                new Place("40", "17605"),
                "rule-1",
                1,
                null,
                null);
    }

    private static PetitionRoutingFailed failed(String id) {
        return new PetitionRoutingFailed(
                UUID.randomUUID(),
                PetitionId.of(id),
                Instant.now(),
                new Place("40", "17605"),
                "ambiguous",
                "two",
                null);
    }
}
