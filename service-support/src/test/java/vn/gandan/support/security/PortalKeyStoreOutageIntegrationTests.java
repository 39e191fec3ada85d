package vn.gandan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.support.testapp.SupportTestApplication;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * A service with a key store whose MongoDB does not answer (nothing listens on its port): a key that has to be
 * looked up gets a 503 with Retry-After within the server-selection timeout, never a 401 or a 500; configured keys
 * still work. The real broker, a store that is down on purpose.
 */
@SpringBootTest(
        classes = {SupportTestApplication.class, PortalKeyStoreOutageIntegrationTests.WithKeyStore.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.auto-startup=false", "gandan.mongodb.server-selection-timeout=1s"})
@ActiveProfiles("local")
// Closed afterwards: its outbox relay would otherwise keep polling the missing store while other classes run.
@DirtiesContext
class PortalKeyStoreOutageIntegrationTests {

    static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.servers()
                .kafkaBootstrapServers());
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + unusedPort());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WithKeyStore {

        @Bean
        PortalKeyStore portalKeyStore(MongoTemplate mongo, Clock clock) {
            return new PortalKeyStore(mongo, clock);
        }
    }

    @Test
    void aKeyThatCannotBeCheckedIsA503WithRetryAfter() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/whoami"))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Api-Key", ApiKeys.newKey())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).contains("try again");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void configuredKeysAndPlainlyWrongKeysDoNotNeedTheStore() {
        Http.Response demo = Http.at(port).withApiKey("demo-portal-key").get("/api/v1/whoami");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.json().get("scopes").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(Scopes.PETITIONS_WRITE, Scopes.PETITIONS_READ);

        Http.Response wrong = Http.at(port).withApiKey("not-the-key").get("/api/v1/whoami");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
