package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.intake.normalization.PhoneRejection;
import vn.gandan.support.web.Languages;
import vn.gandan.support.web.ProblemMessages;
import vn.gandan.support.web.Reason;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * intake's refusals in the caller's language (ADR 0006): Vietnamese for {@code Accept-Language: vi}, English
 * without the header; field names stay as the request wrote them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class LocalizedProblemsIntegrationTests {

    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ProblemMessages messages;

    /** An Accept-Language header (null: none) and the language it is answered in. */
    static List<Arguments> languages() {
        return List.of(
                Arguments.of(null, "en"), Arguments.of("vi", "vi"), Arguments.of("vi-VN,vi;q=0.9,en;q=0.8", "vi"));
    }

    static String petition(String kind, String category, String location, String citizen, String details) {
        return """
                {"kind":"%s","category":"%s","title":"Cống thoát nước bị tắc",
                 "location":%s,"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":%s,"details":%s,"portalReference":"L-%s"}
                """.formatted(kind, category, location, citizen, details, UUID.randomUUID());
    }

    static String recommendation(String location, String citizen) {
        return petition("recommendation", "infrastructure.drainage", location, citizen, "{}");
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aMissingTitleAndAMalformedCommuneCode(@Nullable String acceptLanguage, String language) {
        String body = recommendation("{\"communeCode\":\"176\"}", "{\"name\":\"Nguyễn Văn An\"}")
                .replace("\"title\":\"Cống thoát nước bị tắc\",", "");

        JsonNode problem = post(acceptLanguage, "/api/v1/petitions", body).problem(400, language);

        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
            assertThat(problem.get("detail").asString()).isEqualTo("Yêu cầu có trường không hợp lệ.");
            assertThat(reasons(problem))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "title", "không được để trống",
                            "location.communeCode", "phải là mã xã, phường gồm 5 chữ số"));
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asString()).isEqualTo("The request has invalid fields.");
            assertThat(reasons(problem))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "title", "must not be blank",
                            "location.communeCode", "must be a 5-digit commune code"));
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void anUnknownCommuneCode(@Nullable String acceptLanguage, String language) {
        String body = recommendation("{\"communeCode\":\"99999\"}", "{\"name\":\"Nguyễn Văn An\"}");

        JsonNode problem = post(acceptLanguage, "/api/v1/petitions", body).problem(400, language);

        assertThat(reasons(problem))
                .containsExactly(Map.entry(
                        "location.communeCode",
                        language.equals("vi")
                                ? "không phải mã xã, phường chính thức"
                                : "is not an official commune code"));
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void anInvalidPhoneAndIdentityNumber(@Nullable String acceptLanguage, String language) {
        String body = recommendation(
                "{\"communeCode\":\"17605\"}",
                "{\"name\":\"Nguyễn Văn An\",\"phone\":\"0123 456 789\",\"nationalId\":\"12345\"}");

        JsonNode problem = post(acceptLanguage, "/api/v1/petitions", body).problem(400, language);

        if (language.equals("vi")) {
            assertThat(reasons(problem))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "citizen.phone", "không phải số điện thoại Việt Nam hợp lệ",
                            "citizen.nationalId", "phải có 12 chữ số (hoặc 9 chữ số với chứng minh nhân dân cũ)"));
        } else {
            assertThat(reasons(problem))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "citizen.phone", "not a valid Vietnamese phone number",
                            "citizen.nationalId", "must have 12 digits (or 9 for an old identity card)"));
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void aMissingCategoryFieldAndWhatTheLawNeeds(@Nullable String acceptLanguage, String language) {
        // A complaint about land compensation without its project's name, by nobody.
        String body = petition("complaint", "land.compensation", "{\"communeCode\":\"17605\"}", "null", "{}");

        JsonNode problem = post(acceptLanguage, "/api/v1/petitions", body).problem(400, language);

        if (language.equals("vi")) {
            assertThat(reasons(problem))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "details.projectName", "là bắt buộc đối với danh mục land.compensation",
                            "citizen.name", "là bắt buộc đối với đơn khiếu nại (Luật Khiếu nại 2011, Điều 8)",
                            "citizen.address",
                                    "hoặc số điện thoại, email là bắt buộc đối với đơn khiếu nại (Luật Khiếu nại 2011,"
                                            + " Điều 8)"));
        } else {
            assertThat(reasons(problem))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                    "details.projectName", "is required for category land.compensation",
                                    "citizen.name", "is required for a complaint (Law on Complaints 2011, art. 8)",
                                    "citizen.address",
                                            "or a phone or e-mail is required for a complaint (Law on Complaints 2011, art. 8)"));
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void anIdempotencyKeyUsedForAnotherBody(@Nullable String acceptLanguage, String language) {
        String key = "K-" + UUID.randomUUID();
        String first = recommendation("{\"communeCode\":\"17605\"}", "{\"name\":\"Nguyễn Văn An\"}");
        Answer created = post(acceptLanguage, "/api/v1/petitions", first, "Idempotency-Key", key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        JsonNode problem = post(
                        acceptLanguage,
                        "/api/v1/petitions",
                        first.replace("Cống thoát nước bị tắc", "Đèn đường hỏng"),
                        "Idempotency-Key",
                        key)
                .problem(409, language);

        if (language.equals("vi")) {
            assertThat(problem.get("title").asString()).isEqualTo("Xung đột");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Idempotency-Key hoặc portalReference này đã được dùng cho một kiến nghị khác (" + id
                            + ").");
            assertThat(reasons(problem))
                    .containsExactly(
                            Map.entry("Idempotency-Key", "đã được dùng trước đây với một nội dung yêu cầu khác"));
        } else {
            assertThat(problem.get("title").asString()).isEqualTo("Conflict");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("This Idempotency-Key or portalReference was already used for a different petition ("
                            + id + ").");
            assertThat(reasons(problem))
                    .containsExactly(Map.entry("Idempotency-Key", "was used before with a different request body"));
        }
    }

    @ParameterizedTest(name = "Accept-Language {0}")
    @MethodSource("languages")
    void eachItemOfABatchIsAnsweredInTheCallersLanguage(@Nullable String acceptLanguage, String language) {
        String noTitle = recommendation("{\"communeCode\":\"17605\"}", "{\"name\":\"Nguyễn Văn An\"}")
                .replace("\"title\":\"Cống thoát nước bị tắc\",", "");
        String unknownCommune = recommendation("{\"communeCode\":\"99999\"}", "{\"name\":\"Nguyễn Văn An\"}");

        Answer answer = post(
                acceptLanguage,
                "/api/v1/petitions:batch",
                "{\"petitions\":[null," + noTitle + "," + unknownCommune + "]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = json.readTree(answer.body()).get("results");
        boolean vi = language.equals("vi");
        assertThat(reasons(results.get(0)))
                .containsExactly(Map.entry("", vi ? "không được để trống" : "must not be null"));
        assertThat(reasons(results.get(1)))
                .containsExactly(Map.entry("title", vi ? "không được để trống" : "must not be blank"));
        assertThat(reasons(results.get(2)))
                .containsExactly(Map.entry(
                        "location.communeCode",
                        vi ? "không phải mã xã, phường chính thức" : "is not an official commune code"));
    }

    /** The messages say what {@link PhoneRejection} says, in both languages, so the two never drift apart. */
    @Test
    void everyPhoneReasonReadsAsPhoneRejectionSaysIt() {
        for (PhoneRejection rejection : PhoneRejection.values()) {
            Reason reason = Reason.of("gandan.intake.phone." + rejection.code());
            assertThat(messages.text(reason, Languages.ENGLISH)).isEqualTo(rejection.english());
            assertThat(messages.text(reason, Languages.VIETNAMESE)).isEqualTo(rejection.vietnamese());
        }
    }

    @Test
    void everyMessageHasAVietnameseTranslation() throws IOException {
        Properties english = load("messages.properties");
        Properties vietnamese = load("messages_vi.properties");

        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(vietnamese.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in =
                LocalizedProblemsIntegrationTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private Answer post(@Nullable String acceptLanguage, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", "demo-portal-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
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

        /** A problem document of this status in this language, saying so in Content-Language. */
        JsonNode problem(int expectedStatus, String language) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(contentLanguage).as("Content-Language of " + body).isEqualTo(language);
            JsonNode problem = json.readTree(body);
            assertThat(problem.propertyNames()).contains("title", "status", "detail", "instance", "errors");
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            return problem;
        }
    }
}
