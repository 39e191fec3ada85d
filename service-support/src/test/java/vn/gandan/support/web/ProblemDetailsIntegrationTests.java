package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.testsupport.Http;

/** Bad input is a 400 problem document naming the field, never a 500. */
@SupportIntegrationTest
class ProblemDetailsIntegrationTests {

    @LocalServerPort
    int port;

    Http operator() {
        return Http.at(port).withBasic("operator", "operator");
    }

    @Test
    void aValidBodyIsAccepted() {
        Http.Response response = operator().post("/api/v1/notes", """
                        {"title":"Gọi lại cho công dân","priority":2,"kind":"complaint","communeCode":"17605",
                         "dueAt":"2025-09-20T08:00:00Z","place":{"provinceCode":"40"},"attachments":[1,2]}
                        """);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("kind").asString()).isEqualTo("complaint");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Http.Response response = operator().post("/api/v1/notes", "{\"priority\":2}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).isEqualTo("The request has invalid fields.");
        assertThat(fields(problem)).containsExactly("title");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isNotBlank();
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Http.Response response =
                operator().post("/api/v1/notes", "{\"title\":\" \",\"priority\":-1,\"communeCode\":\"176\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("title", "priority", "communeCode");
    }

    @Test
    void malformedJsonIsA400() {
        Http.Response response = operator().post("/api/v1/notes", "{\"title\": \"Gọi lại\", \"priority\": ");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void anEmptyBodyIsA400() {
        assertProblem(operator().post("/api/v1/notes", ""), 400);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        Http.Response response = operator().post("/api/v1/notes", "{\"title\":\"Gọi lại\",\"priority\":\"high\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).isEqualTo("The request body could not be read.");
        assertThat(fields(problem)).containsExactly("priority");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("has the wrong type or format");
    }

    @Test
    void anUnknownEnumValueIsNamed() {
        Http.Response response =
                operator().post("/api/v1/notes", "{\"title\":\"Gọi lại\",\"priority\":1,\"kind\":\"lawsuit\"}");

        assertThat(fields(assertProblem(response, 400))).containsExactly("kind");
    }

    @Test
    void aBadTimestampIsNamed() {
        Http.Response response =
                operator().post("/api/v1/notes", "{\"title\":\"Gọi lại\",\"priority\":1,\"dueAt\":\"next Monday\"}");

        assertThat(fields(assertProblem(response, 400))).containsExactly("dueAt");
    }

    @Test
    void aNestedFieldIsNamedByItsPath() {
        Http.Response nested = operator()
                .post("/api/v1/notes", "{\"title\":\"Gọi lại\",\"priority\":1,\"place\":{\"provinceCode\":[\"40\"]}}");
        Http.Response inArray =
                operator().post("/api/v1/notes", "{\"title\":\"Gọi lại\",\"priority\":1,\"attachments\":[1,\"x\"]}");

        assertThat(fields(assertProblem(nested, 400))).containsExactly("place.provinceCode");
        assertThat(fields(assertProblem(inArray, 400))).containsExactly("attachments[1]");
    }

    @Test
    void aDomainRuleBrokenByTheRequestIsNamed() {
        Http.Response response =
                operator().post("/api/v1/notes", "{\"title\":\"Gọi lại\",\"priority\":1,\"communeCode\":\"99999\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(fields(problem)).containsExactly("communeCode");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("no commune has code 99999");
    }

    @Test
    void anUnsupportedMethodIsAProblemToo() {
        Http.Response response = operator().get("/api/v1/notes");

        assertProblem(response, 405);
    }

    static JsonNode assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        assertThat(errors).as("errors in " + problem).isNotNull();
        errors.forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
