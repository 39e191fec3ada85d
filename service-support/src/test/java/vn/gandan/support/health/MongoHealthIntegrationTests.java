package vn.gandan.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.testsupport.Http;

/**
 * The MongoDB health check answers UP against the MongoDB-protocol server, which knows no {@code hello} (Boot's
 * own check would say DOWN there), and its details are this library's, not Boot's.
 */
@SupportIntegrationTest
class MongoHealthIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void healthShowsMongoUpWithThePingCheck() {
        Http.Response response = Http.at(port).get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode mongo = health.get("components").get("mongo");
        assertThat(mongo).as("mongo component in " + health).isNotNull();
        assertThat(mongo.get("status").asString()).isEqualTo("UP");
        assertThat(mongo.get("details").get("database").asString()).isEqualTo("gandan_support_test");
        assertThat(mongo.get("details").get("ok").asDouble()).isEqualTo(1.0);
        assertThat(mongo.get("details").has("maxWireVersion"))
                .as("Boot's hello-based details")
                .isFalse();
    }

    @Test
    void theOnlyMongoHealthIndicatorIsThisLibrarys() {
        var indicators = context.getBeansOfType(HealthIndicator.class);

        assertThat(indicators).containsKey("mongoHealthIndicator");
        assertThat(indicators.get("mongoHealthIndicator").getClass().getName())
                .startsWith(MongoHealthAutoConfiguration.class.getName());
        assertThat(indicators.get("mongoHealthIndicator").health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void livenessAndReadinessProbesAreOpen() {
        assertThat(Http.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Http.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
