package vn.gandan.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The dashboard as an analyst sees it: served by the service, loaded in Debian's Chromium with the analyst's
 * credentials, its scripts asking the real resolution report and drawing it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class DashboardBrowserIntegrationTests {

    static final AuthorityRef VAN_TU = new AuthorityRef("ubnd-17611", "Ủy ban nhân dân Xã Vân Tụ", "17611");

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @LocalServerPort
    int port;

    void publish(PetitionEvent event) throws Exception {
        kafka.send(event.type().topic(), event.petitionId().toString(), event).get();
    }

    /** A petition in Xã Vân Tụ received in October 2026, routed at once, answered a week later. */
    void answeredPetition(int day) throws Exception {
        PetitionId id = PetitionId.random();
        Instant received = Instant.parse("2026-10-%02dT02:00:00Z".formatted(day));
        publish(new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                received,
                "40-DASH" + day,
                "portal:nghe-an-demo",
                PetitionKind.RECOMMENDATION,
                "infrastructure.drainage",
                Channel.PORTAL,
                received,
                new Place("40", "17611"),
                "Cống tắc",
                "Nước tràn ra đường.",
                null));
        publish(new PetitionRouted(
                UUID.randomUUID(),
                id,
                received.plusSeconds(60),
                VAN_TU,
                new Place("40", "17611"),
                "commune-people-committee",
                1,
                new Deadline("reply", received.plus(Duration.ofDays(14)), "recommendation.reply@2014-07-01")));
        publish(new PetitionResolved(
                UUID.randomUUID(), id, received.plus(Duration.ofDays(7)), VAN_TU, "Đã nạo vét cống."));
    }

    /** One imported from the portal's records (ADR 0017): counted apart, in no rate. */
    void importedPetition() throws Exception {
        Instant received = Instant.parse("2026-10-08T02:00:00Z");
        publish(new PetitionSubmitted(
                UUID.randomUUID(),
                PetitionId.random(),
                Instant.parse("2026-11-30T02:00:00Z"),
                "40-DASHH",
                "portal:nghe-an-demo",
                PetitionKind.RECOMMENDATION,
                "infrastructure.drainage",
                Channel.PORTAL,
                received,
                new Place("40", "17611"),
                "Cống tắc",
                "Nước tràn ra đường.",
                null,
                null,
                null,
                java.util.Map.of(),
                true));
    }

    @Test
    void drawsTheHandlingRateAndBacklogTheReportAnswers() throws Exception {
        for (int day : List.of(5, 6, 7)) {
            answeredPetition(day);
        }
        importedPetition();
        String query = "groupBy=commune&period=month&from=2026-10-01&to=2026-10-31";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var rows = Http.at(port)
                    .withBasic("analyst", "analyst")
                    .get("/api/v1/reports/resolution?" + query)
                    .json()
                    .path("rows");
            for (var row : rows) {
                if (row.path("group").asString().equals("17611")) {
                    return row.path("received").asLong() == 3
                            && row.path("imported").asLong() == 1;
                }
            }
            return false;
        });

        String page = "http://analyst:analyst@127.0.0.1:" + port + "/dashboard/?" + query;
        String dom = HeadlessChromium.dom(page, Duration.ofSeconds(10));

        assertThat(dom).contains("<tr data-group=\"17611\" data-period=\"2026-10\">");
        assertThat(dom).containsPattern("<polyline[^>]*data-group=\"17611\"");
        assertThat(dom).contains("Xã Vân Tụ");
        // period, group, received, imported, handled: the imported one is beside the three, not among them
        assertThat(dom).contains("<td>2026-10</td><td>Xã Vân Tụ</td><td>3</td><td>1</td><td>3</td>");
        assertThat(dom).doesNotContain("class=\"error\"");
        Path png = Path.of("target", "dashboard.png");
        HeadlessChromium.screenshot(page, Duration.ofSeconds(10), png);
        assertThat(Files.size(png)).isPositive();
    }
}
