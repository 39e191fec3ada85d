package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.support.SupportIntegrationTest;

/**
 * The problems {@link RequestLimitsFilter} writes, before Spring MVC resolves a locale, are in the caller's language
 * too: a body over the limit (413) and a portal over its rate (429). Limits small enough to reach in a test; their
 * own context.
 */
@SupportIntegrationTest
@TestPropertySource(
        properties = {"gandan.limits.max-body=1KB", "gandan.limits.portal-requests=1", "gandan.limits.portal-period=1h"
        })
class LocalizedLimitsIntegrationTests {

    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    static List<Arguments> languages() {
        return List.of(
                Arguments.of(null, "en"),
                Arguments.of("en-US", "en"),
                Arguments.of("vi", "vi"),
                Arguments.of("vi-VN,vi;q=0.9,en;q=0.8", "vi"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aBodyOverTheLimitIsA413InTheCallersLanguage(@Nullable String acceptLanguage, String language)
            throws Exception {
        String operator = Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(request(acceptLanguage, "/api/v1/notes")
                .header("Authorization", "Basic " + operator)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"" + "x".repeat(2_000) + "\",\"priority\":1}", StandardCharsets.UTF_8)));

        JsonNode problem = problem(response, 413, language);
        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Nội dung quá lớn");
            assertThat(problem.get("detail").asString()).isEqualTo("Nội dung yêu cầu lớn hơn 1 KB.");
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Content Too Large");
            assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 1 KB.");
        }
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/notes");
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aPortalOverItsRateIsA429InTheCallersLanguage(@Nullable String acceptLanguage, String language)
            throws Exception {
        // One call an hour: the first call of the class takes it, every later one is refused.
        HttpResponse<String> response = whoami(acceptLanguage);
        if (response.statusCode() == 200) {
            response = whoami(acceptLanguage);
        }

        JsonNode problem = problem(response, 429, language);
        assertThat(response.headers().firstValue("Retry-After")).contains("3600");
        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Quá nhiều yêu cầu");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Cổng thông tin này gửi quá nhiều yêu cầu; vui lòng giảm tần suất.");
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
            assertThat(problem.get("detail").asString()).isEqualTo("Too many requests from this portal; slow down.");
        }
    }

    private HttpResponse<String> whoami(@Nullable String acceptLanguage) throws Exception {
        return send(request(acceptLanguage, "/api/v1/whoami")
                .header("X-Api-Key", "demo-portal-key")
                .GET());
    }

    private HttpRequest.Builder request(@Nullable String acceptLanguage, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String language) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Content-Language")).contains(language);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
