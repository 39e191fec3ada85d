package vn.gandan.intake.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RestartableMongoServer;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * Intake when its store goes away: every call that needs MongoDB answers 503 with {@code Retry-After} and a
 * problem document, after at most the server-selection timeout (1 s here, 5 s by default), never a 500 or a hang;
 * the health endpoint reports MongoDB DOWN while liveness and readiness stay UP (intake answers those 503s
 * itself, see the README); and when the store is back at the same address, with its data, submissions succeed
 * again without a restart. The store is the test's own, so it can stop it; Kafka is the shared test broker.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gandan.mongodb.server-selection-timeout=1s")
@ActiveProfiles("local")
@DirtiesContext
class MongoOutageIntegrationTests {

    static final RestartableMongoServer store = RestartableMongoServer.start();

    static final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.servers()
                .kafkaBootstrapServers());
        registry.add("spring.mongodb.uri", store::uri);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Servers {

        @Bean
        ServersStopWithContext stopStoreLast() {
            return new ServersStopWithContext(store);
        }
    }

    @LocalServerPort
    int port;

    Http portal() {
        return Http.at(port).withApiKey("demo-portal-key");
    }

    @Test
    void withoutItsStoreIntakeAnswers503WithRetryAfterAndRecoversWhenTheStoreReturns() {
        Http.Response before = portal().post("/api/v1/petitions", petition());
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        String earlier = before.json().get("id").asString();
        awaitOutboxRelayed(1);

        store.stop();

        // Calls in flight together when the store goes: pooled connections fail, the pool is cleared, others wait.
        List<CompletableFuture<HttpResponse<String>>> together = IntStream.range(0, 8)
                .mapToObj(i -> i % 2 == 0
                        ? callAsync("POST", "/api/v1/petitions", petition())
                        : callAsync("GET", "/api/v1/petitions/" + earlier, null))
                .toList();
        together.forEach(response -> assertStoreUnavailable(response.join()));
        assertStoreUnavailable(call("POST", "/api/v1/petitions", petition()));
        assertStoreUnavailable(call("GET", "/api/v1/petitions/" + earlier, null));
        assertStoreUnavailable(call("GET", "/api/v1/petitions?size=10", null));
        // A batch answers items on their own, but a store outage is no item's fault: the whole call is a 503.
        assertStoreUnavailable(call("POST", "/api/v1/petitions:batch", "{\"petitions\":[" + petition() + "]}"));

        Http.Response health = Http.at(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("components").get("mongo").get("status").asString())
                .isEqualTo("DOWN");
        // Deliberately not in readiness (README, "Faults"): intake itself answers the 503s with Retry-After.
        assertThat(Http.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Http.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);

        store.restart();

        // The driver finds the store again on the next call; a client honouring Retry-After may meet one more 503.
        String[] afterwards = new String[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<String> again = call("POST", "/api/v1/petitions", petition());
                    if (again.statusCode() == 503) {
                        assertStoreUnavailable(again);
                    }
                    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
                    afterwards[0] = json.readTree(again.body()).get("id").asString();
                });
        assertThat(portal().get("/api/v1/petitions/" + earlier).status())
                .as("the store kept its data")
                .isEqualTo(200);
        assertThat(portal().get("/api/v1/petitions/" + afterwards[0]).status()).isEqualTo(200);
        assertThat(Http.at(port).get("/actuator/health").status()).isEqualTo(200);
        // The relay, which failed its rounds during the outage, published the new petition too.
        awaitOutboxRelayed(2);
    }

    private void awaitOutboxRelayed(int petitions) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Scrape.sample(port, "gandan_outbox_pending")).isZero();
            assertThat(Scrape.sample(port, "gandan_outbox_published_total")).isEqualTo(petitions);
        });
    }

    private static void assertStoreUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(503);
    }

    /** {@link Http} shows no headers but the content type; Retry-After is the point here. */
    private HttpResponse<String> call(String method, String path, String body) {
        try {
            return client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private CompletableFuture<HttpResponse<String>> callAsync(String method, String path, String body) {
        return client.sendAsync(
                request(method, path, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", "demo-portal-key")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    static String petition() {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},"portalReference":"M-%s"}
                """.formatted(UUID.randomUUID());
    }
}
