package vn.gandan.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
        assertThat(view.get("explanation").get("reason").asString()).isEqualTo("commune_missing");
        // The responder of Xã Hợp Minh has no business with a case nobody assigned to it.
        assertThat(Http.at(port)
                        .withBasic("responder", "responder")
                        .get("/api/v1/cases/" + id)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterTopicWithItsReason() {
        String key = UUID.randomUUID().toString();
        casesTopic.send(
                Topics.INTAKE_PETITIONS,
                key,
                "{\"not\":\"an event\"}".getBytes(),
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", key,
                        "ce_type", "vn.gandan.petition.unheard-of.v1",
                        "ce_source", "/somewhere",
                        "content-type", "application/json"));

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
