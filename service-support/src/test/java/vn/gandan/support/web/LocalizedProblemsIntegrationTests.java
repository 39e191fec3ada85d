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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.support.SupportIntegrationTest;

/**
 * The same bad request is answered in English without {@code Accept-Language} or with an English or unsupported
 * one, in Vietnamese with a Vietnamese one (ADR 0006); the JSON shape and the field names never change.
 */
@SupportIntegrationTest
class LocalizedProblemsIntegrationTests {

    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** An Accept-Language header (null: none) and the language it must be answered in. */
    static List<Arguments> languages() {
        return List.of(
                Arguments.of(null, "en"),
                Arguments.of("en-US", "en"),
                Arguments.of("fr-FR,fr;q=0.9", "en"),
                Arguments.of("vi", "vi"),
                Arguments.of("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
                Arguments.of("fr-FR,vi;q=0.5", "vi"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aBeanValidationErrorIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, """
                {"title":"%s","priority":null,"communeCode":"176"}""".formatted("x".repeat(101)));

        JsonNode problem = answer.problem(400, language);
        assertThat(problem.propertyNames())
                .containsExactlyInAnyOrder("title", "status", "detail", "instance", "errors");
        Map<String, String> reasons = reasons(problem);
        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
            assertThat(problem.get("detail").asString()).isEqualTo("Yêu cầu có trường không hợp lệ.");
            assertThat(reasons)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "title", "độ dài phải từ 0 đến 100",
                            "priority", "không được để trống",
                            "communeCode", "phải là mã xã, phường gồm 5 chữ số"));
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asString()).isEqualTo("The request has invalid fields.");
            assertThat(reasons)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "title", "size must be between 0 and 100",
                            "priority", "must not be null",
                            "communeCode", "must be a 5-digit commune code"));
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aBlankFieldIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, "{\"title\":\" \",\"priority\":1}");

        assertThat(reasons(answer.problem(400, language)))
                .containsExactly(
                        Map.entry("title", language.equals("vi") ? "không được để trống" : "must not be blank"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aQueryParameterConstraintIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = send(operator(acceptLanguage).GET().uri(uri("/api/v1/notes/search?size=0")));

        JsonNode problem = answer.problem(400, language);
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        language.equals("vi")
                                ? "Yêu cầu có tham số không hợp lệ."
                                : "The request has invalid parameters.");
        assertThat(reasons(problem))
                .containsExactly(Map.entry(
                        "size",
                        language.equals("vi") ? "phải lớn hơn hoặc bằng 1" : "must be greater than or equal to 1"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aDomainRuleWithACodeAndArgumentsIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, "{\"title\":\"Gọi lại\",\"priority\":1,\"communeCode\":\"88888\"}");

        JsonNode problem = answer.problem(400, language);
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        language.equals("vi") ? "Yêu cầu có trường không hợp lệ." : "The request has invalid fields.");
        assertThat(reasons(problem))
                .containsExactly(Map.entry(
                        "communeCode",
                        language.equals("vi") ? "không có xã, phường nào mang mã 88888" : "no commune has code 88888"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aCodedDetailWithArgumentsIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, "{\"title\":\"Trùng\",\"priority\":1}");

        JsonNode problem = answer.problem(409, language);
        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Xung đột");
            assertThat(problem.get("detail").asString()).isEqualTo("Tiêu đề này đã được dùng cho ghi chú n-17.");
            assertThat(reasons(problem)).containsExactly(Map.entry("title", "đã được dùng"));
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Conflict");
            assertThat(problem.get("detail").asString()).isEqualTo("This note's title is already used by note n-17.");
            assertThat(reasons(problem)).containsExactly(Map.entry("title", "is already used"));
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aPlainTextReasonPassesThroughAsItIs(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, "{\"title\":\"Gọi lại\",\"priority\":1,\"communeCode\":\"99999\"}");

        JsonNode problem = answer.problem(400, language);
        assertThat(reasons(problem)).containsExactly(Map.entry("communeCode", "no commune has code 99999"));
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        language.equals("vi") ? "Yêu cầu có trường không hợp lệ." : "The request has invalid fields.");
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void malformedJsonIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, "{\"title\": \"Gọi lại\", \"priority\": ");

        JsonNode problem = answer.problem(400, language);
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        language.equals("vi")
                                ? "Nội dung yêu cầu không phải là JSON hợp lệ."
                                : "The request body is not valid JSON.");
        assertThat(problem.has("errors")).isFalse();
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aFieldOfTheWrongTypeIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = postNote(acceptLanguage, "{\"title\":\"Gọi lại\",\"priority\":\"high\"}");

        JsonNode problem = answer.problem(400, language);
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        language.equals("vi")
                                ? "Không đọc được nội dung yêu cầu."
                                : "The request body could not be read.");
        assertThat(reasons(problem))
                .containsExactly(Map.entry(
                        "priority",
                        language.equals("vi")
                                ? "sai kiểu dữ liệu hoặc sai định dạng"
                                : "has the wrong type or format"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void anUnsupportedMediaTypeIsInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = send(operator(acceptLanguage)
                .uri(uri("/api/v1/notes"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Gọi lại", StandardCharsets.UTF_8)));

        JsonNode problem = answer.problem(415, language);
        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Kiểu nội dung không được hỗ trợ");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Kiểu nội dung (Content-Type) text/plain;charset=UTF-8 không được hỗ trợ.");
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Unsupported Media Type");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Content-Type 'text/plain;charset=UTF-8' is not supported.");
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aWrongApiKeyIsA401InTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = send(request(acceptLanguage)
                .uri(uri("/api/v1/whoami"))
                .header("X-Api-Key", "not-a-key")
                .GET());

        JsonNode problem = answer.problem(401, language);
        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail", "instance");
        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Chưa xác thực");
            assertThat(problem.get("detail").asString()).isEqualTo("Khóa API trong X-Api-Key không hợp lệ.");
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
            assertThat(problem.get("detail").asString()).isEqualTo("The API key in X-Api-Key is not valid.");
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void anAnonymousCallIsA401InTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = send(request(acceptLanguage).uri(uri("/api/v1/whoami")).GET());

        assertThat(answer.problem(401, language).get("detail").asString())
                .isEqualTo(
                        language.equals("vi")
                                ? "Cần xác thực để thực hiện yêu cầu này."
                                : "Authentication is required.");
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aForbiddenCallIsA403InTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        Answer answer = send(
                operator(acceptLanguage).uri(uri("/api/v1/reports/monthly")).GET());

        JsonNode problem = answer.problem(403, language);
        assertThat(problem.get("title").asString()).isEqualTo(language.equals("vi") ? "Không có quyền" : "Forbidden");
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        language.equals("vi")
                                ? "Bên gọi không có quyền thực hiện thao tác này."
                                : "This caller may not do that.");
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void spring405And404AreInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        JsonNode notAllowed =
                send(operator(acceptLanguage).uri(uri("/api/v1/notes")).GET()).problem(405, language);
        JsonNode notFound = send(operator(acceptLanguage)
                        .uri(uri("/api/v1/nothing-here"))
                        .GET())
                .problem(404, language);

        if (language.equals("vi")) {
            assertThat(notAllowed.get("title").asString()).isEqualTo("Phương thức không được hỗ trợ");
            assertThat(notAllowed.get("detail").asString())
                    .isEqualTo("Phương thức GET không được hỗ trợ ở địa chỉ này.");
            assertThat(notFound.get("title").asString()).isEqualTo("Không tìm thấy");
            assertThat(notFound.get("detail").asString()).isEqualTo("Không tìm thấy /api/v1/nothing-here.");
        } else {
            assertThat(notAllowed.get("title").asString()).isEqualTo("Method Not Allowed");
            assertThat(notAllowed.get("detail").asString()).isEqualTo("Method 'GET' is not supported.");
            assertThat(notFound.get("title").asString()).isEqualTo("Not Found");
            assertThat(notFound.get("detail").asString()).isEqualTo("No static resource api/v1/nothing-here.");
        }
    }

    private Answer postNote(@Nullable String acceptLanguage, String body) {
        return send(operator(acceptLanguage)
                .uri(uri("/api/v1/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder operator(@Nullable String acceptLanguage) {
        String token = Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
        return request(acceptLanguage).header("Authorization", "Basic " + token);
    }

    private static HttpRequest.Builder request(@Nullable String acceptLanguage) {
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Language").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> reasons(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        assertThat(errors).as("errors in " + problem).isNotNull();
        Map<String, String> reasons = new LinkedHashMap<>();
        errors.forEach(error ->
                reasons.put(error.get("field").asString(), error.get("reason").asString()));
        return reasons;
    }

    record Answer(int status, String contentType, String contentLanguage, String body) {

        /** A problem document of this status, in this language, saying so in Content-Language. */
        JsonNode problem(int expectedStatus, String language) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(contentLanguage).as("Content-Language of " + body).isEqualTo(language);
            JsonNode problem = json.readTree(body);
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            // Spring MVC leaves out type "about:blank", its default (RFC 7807 section 3.1); the filters write it.
            if (problem.has("type")) {
                assertThat(problem.get("type").asString()).isEqualTo("about:blank");
            }
            return problem;
        }
    }
}
