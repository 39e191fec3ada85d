package vn.gandan.routing.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class AuthorityDirectoryIntegrationTests {

    static final String PATH = "/api/v1/authorities";
    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    StoredAuthorityDirectory directory;

    @Autowired
    AuthorityStore store;

    @LocalServerPort
    int port;

    Http as(String user) {
        return Http.at(port).withBasic(user, user);
    }

    /** test-support's client has no PUT and shows no headers: the few calls that need them go through this. */
    HttpResponse<String> send(String method, String path, String body, String user) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(String id, String body) {
        return send("PUT", PATH + "/" + id, body, "admin");
    }

    static Map<String, String> errors(String problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        json.readTree(problem)
                .path("errors")
                .forEach(e ->
                        errors.put(e.get("field").asString(), e.get("reason").asString()));
        return errors;
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    LocalDate today() {
        return directory.today();
    }

    /** The first of next month: 2027-01-01 when run in December 2026. */
    LocalDate nextMonth() {
        return today().plusMonths(1).withDayOfMonth(1);
    }

    static String department(String id, String name, String parent, LocalDate from) {
        return """
                {"id":"%s","type":"provincial_department","department":"finance","name":"%s",
                 "adminUnitCode":"40","provinceCode":"40","parentId":%s,"aliases":["Sở Tài chính"],
                 "contacts":[{"role":"responder","name":"Văn phòng","email":"vp@example.vn","phone":"+842383840000"}],
                 "effectiveFrom":"%s"}
                """.formatted(id, name, parent == null ? "null" : "\"" + parent + "\"", from);
    }

    @Test
    void seedingAgainChangesNothingAndKeepsWhatAnAdminEdited() {
        String renamed = "Sở Y tế Nghệ An (thử)";
        var edited = put("so-y-te-40", """
                {"type":"provincial_department","department":"health","name":"%s","adminUnitCode":"40",
                 "parentId":"ubnd-40","effectiveFrom":"%s"}
                """.formatted(renamed, nextMonth().plusMonths(1)));
        assertThat(edited.statusCode()).isEqualTo(200);
        long revision = store.revision();
        String version = directory.version();
        int bodies = store.ids().size();

        assertThat(directory.seed()).as("a second start inserts nothing").isZero();

        assertThat(store.revision()).isEqualTo(revision);
        assertThat(directory.version()).isEqualTo(version).endsWith("+r" + revision);
        assertThat(store.ids()).hasSize(bodies).hasSizeGreaterThanOrEqualTo(34 * 8 + 3321);
        assertThat(store.find("so-y-te-40").orElseThrow().toHistory().latest().name())
                .isEqualTo(renamed);
        assertThat(directory
                        .find("so-y-te-40", nextMonth().plusMonths(1))
                        .orElseThrow()
                        .name())
                .isEqualTo(renamed);
    }

    @Test
    void operatorsAndRespondersReadTheirProvinceAndAdminsAll() {
        JsonNode page = as("operator")
                .get(PATH + "?type=commune_peoples_committee&q=minh&size=2")
                .json();
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").valueStream().map(i -> i.get("provinceCode")
                        .asString()))
                .containsOnly("40");

        JsonNode hopMinh =
                as("responder").get(PATH + "?province=40&q=xa%20hop%20minh").json();
        assertThat(hopMinh.get("items").valueStream().map(i -> i.get("id").asString()))
                .contains("ubnd-17605");

        JsonNode one = as("responder").get(PATH + "/ubnd-17605").json();
        assertThat(one.get("name").asString()).isEqualTo("Ủy ban nhân dân Xã Hợp Minh");
        assertThat(one.get("type").asString()).isEqualTo("commune_peoples_committee");
        assertThat(one.get("parentId").asString()).isEqualTo("ubnd-40");
        assertThat(one.get("inForce").asBoolean()).isTrue();
        assertThat(one.get("history")).hasSize(1);

        assertThat(as("operator").get(PATH + "?province=01").status()).isEqualTo(403);
        assertThat(as("operator").get(PATH + "/ubnd-01").status()).isEqualTo(404);
        assertThat(as("responder").get(PATH + "/so-xay-dung-01").status()).isEqualTo(404);
        assertThat(as("admin").get(PATH + "/ubnd-01").status()).isEqualTo(200);
        JsonNode nationwide =
                as("admin").get(PATH + "?type=provincial_peoples_committee").json();
        assertThat(nationwide.get("total").asInt()).isEqualTo(34);
        assertThat(as("admin")
                        .get(PATH + "?province=40&on=2025-06-30")
                        .json()
                        .get("total")
                        .asInt())
                .as("nothing before the two-level reform")
                .isZero();

        assertThat(Http.at(port).get(PATH).status()).isEqualTo(401);
        assertThat(as("analyst").get(PATH).status()).isEqualTo(403);
        var badQuery = as("admin").get(PATH + "?type=ministry&on=yesterday");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(errors(badQuery.body())).containsKey("type");
        assertThat(as("admin").get(PATH + "?size=1000").status()).isEqualTo(400);
    }

    @Test
    void anAdminCreatesABodyThatRoutingFindsAtOnce() {
        String id = uniqueId("so-ke-hoach");
        String name = "Sở Kế hoạch " + id;
        var created =
                send("POST", PATH, department(id, name, "ubnd-40", today()).replace("finance", "planning"), "admin");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(PATH + "/" + id);
        assertThat(json.readTree(created.body())
                        .get("contacts")
                        .get(0)
                        .get("role")
                        .asString())
                .isEqualTo("responder");

        assertThat(directory.find(id, today())).isPresent();
        assertThat(directory.named(name.toUpperCase(), "40", today()))
                .extracting(Authority::id)
                .containsExactly(id);
        assertThat(directory.named("Sở Tài chính", "40", today()))
                .as("each finance department the tests created answers to it: ambiguous")
                .extracting(Authority::id)
                .contains(id);
        assertThat(directory.byType(AuthorityType.PROVINCIAL_DEPARTMENT, "planning", "40", null, today()))
                .map(Authority::id)
                .contains(id);
        assertThat(directory.version()).endsWith("+r" + store.revision());
        assertThat(as("operator").get(PATH + "/" + id).json().get("name").asString())
                .isEqualTo(name);

        var again = send("POST", PATH, department(id, "Sở Tài chính", "ubnd-40", today()), "admin");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(errors(again.body())).containsKey("id");
    }

    @Test
    void aNewVersionIsInForceFromItsDayAndNeverRewritesTheOneBefore() {
        String id = uniqueId("so-tai-chinh");
        send("POST", PATH, department(id, "Sở Tài chính Tỉnh Nghệ An", "ubnd-40", today()), "admin");
        LocalDate from = nextMonth();

        var revised = put(id, department(null, "Sở Tài chính và Kế hoạch Tỉnh Nghệ An", "ubnd-40", from));
        assertThat(revised.statusCode()).isEqualTo(200);

        assertThat(directory.find(id, from.minusDays(1)).orElseThrow().name()).isEqualTo("Sở Tài chính Tỉnh Nghệ An");
        assertThat(directory.find(id, from).orElseThrow().name()).isEqualTo("Sở Tài chính và Kế hoạch Tỉnh Nghệ An");
        JsonNode view = as("admin").get(PATH + "/" + id).json();
        assertThat(view.get("name").asString()).as("today's version").isEqualTo("Sở Tài chính Tỉnh Nghệ An");
        assertThat(view.get("history")).hasSize(2);
        assertThat(view.get("history").get(0).get("effectiveTo").asString())
                .isEqualTo(from.minusDays(1).toString());

        var beforeLatest = put(id, department(null, "Sở Tài chính", "ubnd-40", from));
        assertThat(beforeLatest.statusCode()).isEqualTo(400);
        assertThat(errors(beforeLatest.body())).containsKey("effectiveFrom");
        var inThePast = put("so-xay-dung-40", """
                {"type":"provincial_department","department":"construction","name":"Sở Xây dựng",
                 "adminUnitCode":"40","parentId":"ubnd-40","effectiveFrom":"2025-06-01"}""");
        assertThat(inThePast.statusCode()).isEqualTo(400);
        assertThat(errors(inThePast.body())).containsKey("effectiveFrom");
        var yesterday = put("so-xay-dung-40", """
                {"type":"provincial_department","department":"construction","name":"Sở Xây dựng",
                 "adminUnitCode":"40","parentId":"ubnd-40","effectiveFrom":"%s"}""".formatted(today().minusDays(1)));
        assertThat(errors(yesterday.body())).containsOnlyKeys("effectiveFrom");
    }

    @Test
    void aDissolvedBodyEndsTheDayBeforeAndNamesItsSuccessor() {
        String id = uniqueId("so-tai-chinh");
        send("POST", PATH, department(id, "Sở Tài chính Tỉnh Nghệ An", "ubnd-40", today()), "admin");
        LocalDate from = nextMonth();

        var dissolved = send(
                "POST",
                PATH + "/" + id + "/dissolve",
                "{\"effectiveFrom\":\"%s\",\"successorId\":\"ubnd-40\"}".formatted(from),
                "admin");
        assertThat(dissolved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(dissolved.body()).get("successorId").asString())
                .isEqualTo("ubnd-40");
        assertThat(directory.find(id, from.minusDays(1))).isPresent();
        assertThat(directory.find(id, from)).isEmpty();

        var twice = send("POST", PATH + "/" + id + "/dissolve", "{\"effectiveFrom\":\"%s\"}".formatted(from), "admin");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(put(id, department(null, "Sở Tài chính", "ubnd-40", from.plusDays(1)))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void everyBadRequestIsAProblemNamingItsField() {
        LocalDate day = today();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("parentId", department(uniqueId("x"), "Sở Tài chính", "ubnd-99999", day));
        var unknownParent = send("POST", PATH, cases.get("parentId"), "admin");
        assertThat(unknownParent.statusCode()).isEqualTo(400);
        assertThat(unknownParent.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(errors(unknownParent.body())).containsOnlyKeys("parentId");

        var otherProvince = send("POST", PATH, department(uniqueId("x"), "Sở Tài chính", "ubnd-01", day), "admin");
        assertThat(errors(otherProvince.body())).containsOnlyKeys("parentId");
        assertThat(errors(otherProvince.body()).get("parentId")).contains("ubnd-01", "40");

        var cycle = put("ubnd-40", """
                {"type":"provincial_peoples_committee","name":"Ủy ban nhân dân Tỉnh Nghệ An","adminUnitCode":"40",
                 "parentId":"ubnd-17605","effectiveFrom":"%s"}""".formatted(nextMonth()));
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(errors(cycle.body())).containsOnlyKeys("parentId");

        var unknownType = send(
                "POST",
                PATH,
                department(uniqueId("x"), "Sở", "ubnd-40", day).replace("provincial_department", "ministry"),
                "admin");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(errors(unknownType.body())).containsKey("type");

        var noDepartment = send(
                "POST", PATH, department(uniqueId("x"), "Sở", "ubnd-40", day).replace("\"finance\"", "null"), "admin");
        assertThat(errors(noDepartment.body())).containsOnlyKeys("department");

        var badFields = send("POST", PATH, """
                {"id":"X!","type":"commune_peoples_committee","name":" ","adminUnitCode":"00001","provinceCode":"40",
                 "contacts":[{"role":"mayor","email":"not-an-email","phone":"0912"}],"effectiveFrom":"2026-01-01"}""", "admin");
        assertThat(errors(badFields.body()))
                .containsOnlyKeys(
                        "id", "name", "adminUnitCode", "contacts[0].role", "contacts[0].email", "contacts[0].phone");
        assertThat(badFields.body()).doesNotContain("not-an-email", "0912");

        var vietnamese = Http.at(port)
                .withBasic("admin", "admin")
                .withHeader("Accept-Language", "vi")
                .post(PATH, department(uniqueId("x"), "Sở", "ubnd-99999", day));
        assertThat(errors(vietnamese.body()).get("parentId")).isEqualTo("không có cơ quan ubnd-99999.");

        var notJson = send("POST", PATH, "{\"effectiveFrom\":\"soon\"}", "admin");
        assertThat(notJson.statusCode()).isEqualTo(400);

        assertThat(put("ubnd-nowhere", department(null, "Sở", "ubnd-40", nextMonth()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(as("admin").get(PATH + "/ubnd-nowhere").status()).isEqualTo(404);
        assertThat(send("POST", PATH + "/ubnd-nowhere/dissolve", "{\"effectiveFrom\":\"2030-01-01\"}", "admin")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsChangeTheDirectory() {
        String body = department(uniqueId("x"), "Sở Tài chính", "ubnd-40", today());
        assertThat(send("POST", PATH, body, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", PATH, body, "operator").statusCode()).isEqualTo(403);
        assertThat(send("PUT", PATH + "/so-y-te-40", body, "operator").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", PATH + "/so-y-te-40/dissolve", "{\"effectiveFrom\":\"2030-01-01\"}", "responder")
                        .statusCode())
                .isEqualTo(403);
    }
}
