package vn.gandan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * The four services as separate processes on one broker and one store: a petition posted to intake is routed,
 * its responder nudged, and it is counted, each seen through that service's own API.
 */
class PetitionFlowEndToEndTests {

    static ServiceProcess intake;
    static ServiceProcess routing;
    static ServiceProcess notification;
    static ServiceProcess reporting;
    static final GreenMail smtp =
            new GreenMail(new ServerSetup(vn.gandan.testsupport.FreePorts.pick(), "127.0.0.1", "smtp"));

    @BeforeAll
    static void startTheSystem() throws Exception {
        var servers = TestInfrastructure.servers();
        String kafka = servers.kafkaBootstrapServers();
        String mongo = servers.mongoUri();
        intake = ServiceProcess.start("intake-service", kafka, mongo);
        routing = ServiceProcess.start("routing-service", kafka, mongo);
        smtp.start();
        notification = ServiceProcess.start(
                "notification-service",
                kafka,
                mongo,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort());
        reporting = ServiceProcess.start("reporting-service", kafka, mongo);
        for (ServiceProcess service : all()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopTheSystem() {
        all().stream().filter(s -> s != null).forEach(ServiceProcess::stop);
        smtp.stop();
    }

    static List<ServiceProcess> all() {
        return java.util.Arrays.asList(intake, routing, notification, reporting);
    }

    @Test
    void aPetitionIsRoutedNotifiedAndCounted() {
        Http analyst = reporting.http().withBasic("analyst", "analyst");
        long countedBefore =
                analyst.get("/api/v1/reports/summary").json().get("total").asLong();

        Http.Response created = intake.http().withApiKey("demo-portal-key").post("/api/v1/petitions", """
                        {"kind":"recommendation","category":"infrastructure.drainage",
                         "title":"Cống thoát nước bị tắc, ngã tư ngập sâu",
                         "description":"Mỗi khi mưa lớn, nước ngập ngã tư trước trường tiểu học.",
                         "location":{"communeCode":"17605"},"channel":"portal",
                         "receivedAt":"%s",
                         "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},
                         "portalReference":"NA-E2E-%s"}
                        """.formatted(
                        // Received yesterday: a fixed date would one day be overdue and escalated on arrival.
                        java.time.Instant.now().minus(Duration.ofDays(1)), UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode routed = routing.http()
                    .withBasic("operator", "operator")
                    .get("/api/v1/cases/" + id)
                    .json();
            assertThat(routed.path("status").asString()).isEqualTo("routed");
            assertThat(routed.path("authority").path("id").asString()).isEqualTo("ubnd-17605");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode nudges = notification
                    .http()
                    .withBasic("operator", "operator")
                    .get("/api/v1/notifications?petitionId=" + id)
                    .json();
            assertThat(nudges).hasSize(1);
            assertThat(nudges.get(0).get("status").asString()).isEqualTo("sent");
            assertThat(nudges.get(0).get("recipient").asString()).isEqualTo("authority:ubnd-17605");
        });
        // The responder's office got the e-mail, quoting the petition's tracking code.
        String trackingCode = created.json().get("trackingCode").asString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessagesForDomain("thu-nghiem.gandan.vn"))
                        .anySatisfy(m -> assertThat(m.getSubject()).contains(trackingCode)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode summary = analyst.get("/api/v1/reports/summary").json();
            assertThat(summary.get("total").asLong()).isEqualTo(countedBefore + 1);
            assertThat(summary.get("notificationsSent").asLong()).isGreaterThanOrEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(intake.http()
                        .withApiKey("demo-portal-key")
                        .get("/api/v1/petitions/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("routed"));

        try (KafkaProbe intakeTopic = KafkaProbe.reading(Topics.INTAKE_PETITIONS)) {
            var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(10));
            assertThat(KafkaProbe.header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
            assertThat(KafkaProbe.header(record, "ce_subject")).contains(id);
        }
    }
}
