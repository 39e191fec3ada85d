package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gandan.limits.portal-requests=3", "gandan.limits.portal-period=1m", "gandan.limits.max-body=2KB"
        })
@ActiveProfiles("local")
@RealInfrastructure
class RequestLimitsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aPortalOverItsRateIsToldToComeBackLater() {
        Http portal = Http.at(port).withApiKey("demo-portal-key");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(portal.get("/api/v1/catalogue").status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);

        Http.Response refused = portal.get("/api/v1/catalogue");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        // People are not portals: the analyst is not limited by the portal's allowance.
        assertThat(Http.at(port)
                        .withBasic("analyst", "analyst")
                        .get("/api/v1/catalogue")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"title\":\"" + "ư".repeat(2_000) + "\"}";
        Http.Response refused = Http.at(port).withBasic("operator", "operator").post("/api/v1/petitions", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
