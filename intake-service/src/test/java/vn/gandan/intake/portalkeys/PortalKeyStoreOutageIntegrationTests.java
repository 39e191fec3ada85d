package vn.gandan.intake.portalkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.support.security.ApiKeys;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * Intake whose MongoDB does not answer (nothing listens on its port; the real broker): an issued key cannot be
 * checked, which is a 503 with Retry-After on both APIs (a problem document, an Open311 error list), within the
 * server-selection timeout, and not a 401 that would make a portal drop a good key.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "gandan.mongodb.server-selection-timeout=1s",
            // Else start-up itself would wait for the store to create the petitions' indexes.
            "spring.data.mongodb.auto-index-creation=false"
        })
@ActiveProfiles("local")
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

    @Test
    void theNativeApiAnswers503WithRetryAfter() {
        long started = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/petitions?size=1"))
                .header("X-Api-Key", ApiKeys.newKey())
                .GET());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(503);
    }

    @Test
    void open311AnswersItsErrorListWith503AndRetryAfter() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/open311/v2/requests.json?api_key=" + ApiKeys.newKey()))
                        .GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode errors = json(response);
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(503);
        assertThat(errors.get(0).get("description").asString()).contains("try again");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
