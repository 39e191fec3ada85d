package vn.gandan.notification.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class ResponderNudgesIntegrationTests {

    static KafkaProbe deliveries;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopic() {
        deliveries = KafkaProbe.reading(Topics.NOTIFICATION_DELIVERIES);
    }

    @AfterAll
    static void close() {
        deliveries.close();
    }

    @Test
    void nudgesTheAssignedAuthorityOnceEvenWhenTheEventComesTwice() throws Exception {
        PetitionRouted routed = new PetitionRouted(
                UUID.randomUUID(),
                PetitionId.random(),
                Instant.now(),
                new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605"),
                new Place("40", "17605"),
                "commune-people-committee",
                1);
        String id = routed.petitionId().toString();
        kafka.send(Topics.ROUTING_CASES, id, routed).get();
        kafka.send(Topics.ROUTING_CASES, id, routed).get();

        var sent = deliveries.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(sent, "ce_type")).contains("vn.gandan.notification.sent.v1");
        assertThat(deliveries.recordsWithKey(id, Duration.ofSeconds(2))).hasSize(1);

        JsonNode list = Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/notifications?petitionId=" + id)
                .json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("recipient").asString()).isEqualTo("authority:ubnd-17605");
        assertThat(list.get(0).get("status").asString()).isEqualTo("sent");
        assertThat(list.get(0).get("purpose").asString()).isEqualTo("new_case");
    }

    @Test
    void notificationsNeedAnOperator() {
        assertThat(Http.at(port).get("/api/v1/notifications?petitionId=x").status())
                .isEqualTo(401);
        assertThat(Http.at(port)
                        .withBasic("responder", "responder")
                        .get("/api/v1/notifications?petitionId=x")
                        .status())
                .isEqualTo(403);
    }
}
