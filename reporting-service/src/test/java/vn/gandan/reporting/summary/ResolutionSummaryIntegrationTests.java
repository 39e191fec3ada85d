package vn.gandan.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.NotificationSent;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.PetitionTimeline;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class ResolutionSummaryIntegrationTests {

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    @LocalServerPort
    int port;

    JsonNode summary() {
        return Http.at(port)
                .withBasic("analyst", "analyst")
                .get("/api/v1/reports/summary")
                .json();
    }

    void publish(String topic, PetitionEvent event) throws Exception {
        kafka.send(topic, event.petitionId().toString(), event).get();
    }

    @Test
    void countsEachPetitionOnceInItsLatestStatusWhateverTheOrderOrRepetition() throws Exception {
        long routedBefore = summary().path("byStatus").path("routed").asLong(0);
        long totalBefore = summary().get("total").asLong();
        long notifiedBefore = summary().get("notificationsSent").asLong();
        PetitionId id = PetitionId.random();
        Instant now = Instant.now();
        var submitted = new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                now,
                "40-TEST0002",
                "portal:nghe-an-demo",
                PetitionKind.COMPLAINT,
                "land.compensation",
                Channel.HOTLINE,
                now,
                new Place("40", "17605"),
                "Bồi thường đất",
                null,
                null);
        var routed = new PetitionRouted(
                UUID.randomUUID(),
                id,
                now,
                new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605"),
                new Place("40", "17605"),
                "commune-people-committee",
                1);
        var sent = new NotificationSent(
                UUID.randomUUID(), id, now, UUID.randomUUID(), "new_case", "log", "authority:ubnd-17605");

        // Routing's event overtakes intake's (different topics); everything is delivered twice.
        publish(Topics.ROUTING_CASES, routed);
        publish(Topics.INTAKE_PETITIONS, submitted);
        publish(Topics.NOTIFICATION_DELIVERIES, sent);
        publish(Topics.ROUTING_CASES, routed);
        publish(Topics.INTAKE_PETITIONS, submitted);
        publish(Topics.NOTIFICATION_DELIVERIES, sent);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var timeline = mongo.findById(
                    id.toString(), PetitionTimeline.class, versions.active().collection(PetitionTimeline.COLLECTION));
            assertThat(timeline).isNotNull();
            assertThat(timeline.getEvents()).hasSize(3);
        });
        JsonNode after = summary();
        assertThat(after.get("total").asLong()).isEqualTo(totalBefore + 1);
        assertThat(after.get("byStatus").get("routed").asLong()).isEqualTo(routedBefore + 1);
        assertThat(after.get("notificationsSent").asLong()).isEqualTo(notifiedBefore + 1);
        assertThat(after.get("provinceCode").asString()).isEqualTo("40");
    }

    @Test
    void analystsSeeOnlyTheirProvince() {
        assertThat(Http.at(port)
                        .withBasic("analyst", "analyst")
                        .get("/api/v1/reports/summary?province=01")
                        .status())
                .isEqualTo(403);
        assertThat(Http.at(port).get("/api/v1/reports/summary").status()).isEqualTo(401);
    }
}
