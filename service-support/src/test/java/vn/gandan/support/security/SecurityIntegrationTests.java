package vn.gandan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.testsupport.Http;

/** The security baseline over real HTTP, local profile: the demo portal key and the demo users. */
@SupportIntegrationTest
class SecurityIntegrationTests {

    @LocalServerPort
    int port;

    Http http() {
        return Http.at(port);
    }

    @Test
    void healthIsOpen() {
        Http.Response health = http().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void anAnonymousCallIsA401ProblemDocument() {
        Http.Response response = http().get("/api/v1/whoami");

        assertUnauthorized(response);
    }

    @Test
    void thePortalKeyAuthenticatesAPortalOfItsProvince() {
        Http.Response response = http().withApiKey("demo-portal-key").get("/api/v1/whoami");

        assertThat(response.status()).isEqualTo(200);
        JsonNode caller = response.json();
        assertThat(caller.get("name").asString()).isEqualTo("portal:nghe-an-demo");
        assertThat(caller.get("roles")).hasSize(1);
        assertThat(caller.get("roles").get(0).asString()).isEqualTo("PORTAL");
        assertThat(caller.get("provinceCode").asString()).isEqualTo("40");
        assertThat(caller.get("authorityId").isNull()).isTrue();
    }

    @Test
    void aWrongPortalKeyIsA401ProblemDocument() {
        Http.Response response = http().withApiKey("demo-portal-key-2").get("/api/v1/whoami");

        assertUnauthorized(response);
        assertThat(response.json().get("detail").asString()).contains("X-Api-Key");
    }

    @Test
    void aWrongPortalKeyIsRefusedEvenWithGoodBasicCredentials() {
        Http.Response response = http().withApiKey("not-the-key")
                .withBasic("operator", "operator")
                .get("/api/v1/whoami");

        assertUnauthorized(response);
    }

    @Test
    void httpBasicAuthenticatesADemoOperator() {
        Http.Response response = http().withBasic("operator", "operator").get("/api/v1/whoami");

        assertThat(response.status()).isEqualTo(200);
        JsonNode caller = response.json();
        assertThat(caller.get("name").asString()).isEqualTo("operator");
        assertThat(caller.get("roles")).hasSize(1);
        assertThat(caller.get("roles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(caller.get("provinceCode").asString()).isEqualTo("40");
    }

    @Test
    void aResponderCarriesItsAuthority() {
        JsonNode caller =
                http().withBasic("responder", "responder").get("/api/v1/whoami").json();

        assertThat(caller.get("roles").get(0).asString()).isEqualTo("RESPONDER");
        assertThat(caller.get("authorityId").asString()).isEqualTo("ubnd-17605");
    }

    @Test
    void aWrongPasswordIsA401ProblemDocument() {
        assertUnauthorized(http().withBasic("operator", "analyst").get("/api/v1/whoami"));
        assertUnauthorized(http().withBasic("nobody", "operator").get("/api/v1/whoami"));
        String wrongPassword = "Basic " + java.util.Base64.getEncoder().encodeToString("operator:analyst".getBytes());
        assertThat(Challenges.of(port, "/api/v1/whoami", wrongPassword)).isEqualTo("Basic realm=\"gandan\"");
        assertThat(Challenges.of(port, "/api/v1/whoami", null)).isEqualTo("Basic realm=\"gandan\"");
    }

    @Test
    void aMethodRuleRefusesTheWrongRoleWithA403ProblemDocument() {
        Http.Response response = http().withBasic("operator", "operator").get("/api/v1/reports/monthly");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(403);
        assertThat(response.json().get("title").asString()).isEqualTo("Forbidden");
    }

    @Test
    void aMethodRuleLetsTheRightRoleThrough() {
        Http.Response response = http().withBasic("analyst", "analyst").get("/api/v1/reports/monthly");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("province").asString()).isEqualTo("40");
    }

    static void assertUnauthorized(Http.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
    }
}
