package vn.gandan.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.rules.RoutedPetitions.RoutedPetition;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The rules API and the live set on a real MongoDB-protocol server. Rules made here are about Hà Nội's
 * education petitions only and are retired at the end, so other tests sharing the store route as before.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gandan.routing.rules.refresh-interval=300ms")
@ActiveProfiles("local")
@RealInfrastructure
class RoutingRulesIntegrationTests {

    static final String PATH = "/api/v1/routing-rules";
    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient client = HttpClient.newHttpClient();

    /**
     * The petitions the simulation reads, chosen here so its counts are exact while other tests share the store;
     * {@code CaseRoutingIntegrationTests} simulates over the real stored cases.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Collaborators {

        @Bean
        @Primary
        InMemoryRoutedPetitions inMemoryRoutedPetitions() {
            return new InMemoryRoutedPetitions();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RoutingRules rules;

    @Autowired
    RuleSeed seed;

    @Autowired
    RuleStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InMemoryRoutedPetitions petitions;

    record Answer(int status, String location, String body) {
        JsonNode json() {
            return RoutingRulesIntegrationTests.json.readTree(body);
        }

        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            return fields;
        }
    }

    Answer call(String method, String path, String body, String user, String language) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer admin(String method, String path, String body) {
        return call(method, path, body, "admin", null);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A rule for Hà Nội's education recommendations only, so nothing else routes by it. */
    static String hanoiEducationRule(String id, Integer version, String target) {
        return """
                {"id":"%s",%s"priority":50,"description":"integration test",
                 "match":{"kinds":["recommendation"],"categories":["education"],"provinces":["01"]},
                 "target":%s}""".formatted(id, version == null ? "" : "\"version\":" + version + ",", target);
    }

    static RoutingInputs hanoiEducation() {
        return new RoutingInputs(PetitionKind.RECOMMENDATION, "education", "01", null, Map.of(), LocalDate.now());
    }

    @Test
    void keepsEveryVersionAndRefusesStaleChangesAndTakenIds() {
        String id = unique("it-crud");
        Answer created = admin("POST", PATH, hanoiEducationRule(id, null, "{\"type\":\"police\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith(PATH + "/" + id);
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.json().get("savedBy").asString()).isEqualTo("admin");

        assertThat(admin("POST", PATH, hanoiEducationRule(id, null, "{\"type\":\"police\"}"))
                        .status())
                .isEqualTo(409);

        Answer changed =
                admin("PUT", PATH + "/" + id, hanoiEducationRule(id, 1, "{\"type\":\"provincial_inspectorate\"}"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);

        Answer stale = admin("PUT", PATH + "/" + id, hanoiEducationRule(id, 1, "{\"type\":\"police\"}"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorFields()).containsExactly("version");

        JsonNode one = admin("GET", PATH + "/" + id, null).json();
        assertThat(one.get("target").get("type").asString()).isEqualTo("provincial_inspectorate");
        assertThat(one.get("history")).hasSize(1);
        assertThat(one.get("history").get(0).get("rule").get("version").asInt()).isEqualTo(1);
        assertThat(one.get("history")
                        .get(0)
                        .get("rule")
                        .get("target")
                        .get("type")
                        .asString())
                .isEqualTo("police");

        assertThat(admin("DELETE", PATH + "/" + id, null).status()).isEqualTo(204);
        assertThat(admin("DELETE", PATH + "/" + id, null).status()).isEqualTo(204);
        JsonNode retired = admin("GET", PATH + "/" + id, null).json();
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(retired.get("history")).hasSize(1);
        assertThat(ids(admin("GET", PATH, null).json())).doesNotContain(id);
        assertThat(admin("PUT", PATH + "/" + id, hanoiEducationRule(id, 2, "{\"type\":\"police\"}"))
                        .status())
                .isEqualTo(409);
        assertThat(admin("POST", PATH, hanoiEducationRule(id, null, "{\"type\":\"police\"}"))
                        .status())
                .as("a retired rule keeps its id")
                .isEqualTo(409);
        assertThat(admin("GET", PATH + "/no-such-rule", null).status()).isEqualTo(404);
        assertThat(admin("PUT", PATH + "/no-such-rule", hanoiEducationRule("no-such-rule", 1, "{\"type\":\"police\"}"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listsEveryProblemWithItsFieldInTheCallersLanguage() {
        String bad = """
                {"id":"Bad Id","priority":5,
                 "match":{"categories":["infrastructure.*","roads"],"communes":["17605"],"provinces":["01"]},
                 "target":{"type":"police","authorityId":"ubnd-40"}}""";
        Answer answer = call("POST", PATH, bad, "admin", "vi");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("id", "match.categories[1]", "match.communes[0]", "target");
        assertThat(answer.body()).contains("Không có lĩnh vực hoặc nhóm lĩnh vực roads");
        assertThat(call("POST", PATH, bad, "admin", "en").body()).contains("Unknown category or group roads");

        Answer draft = call("POST", PATH + "/validate", bad, "operator", null);
        assertThat(draft.status()).isEqualTo(400);
        assertThat(draft.errorFields()).hasSize(4);
        Answer fine = call(
                "POST",
                PATH + "/validate",
                hanoiEducationRule("it-fine", null, "{\"type\":\"police\"}"),
                "operator",
                null);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.json().get("valid").asBoolean()).isTrue();
        assertThat(admin("POST", PATH, "{\"id\":").status()).isEqualTo(400);
        assertThat(admin("POST", PATH, "{\"id\":\"x-rule\",\"priority\":\"high\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void operatorsReadAndAdminsWrite() {
        String rule = hanoiEducationRule(unique("it-denied"), null, "{\"type\":\"police\"}");
        assertThat(call("GET", PATH, null, null, null).status()).isEqualTo(401);
        assertThat(call("POST", PATH + "/simulate", "{}", null, null).status()).isEqualTo(401);
        assertThat(call("GET", PATH, null, "analyst", null).status()).isEqualTo(403);
        assertThat(call("GET", PATH, null, "operator", null).status()).isEqualTo(200);
        assertThat(call("POST", PATH, rule, "operator", null).status()).isEqualTo(403);
        assertThat(call("PUT", PATH + "/commune-people-committee", rule, "operator", null)
                        .status())
                .isEqualTo(403);
        assertThat(call("DELETE", PATH + "/commune-people-committee", null, "operator", null)
                        .status())
                .isEqualTo(403);
        assertThat(call("POST", PATH + "/validate", rule, "responder", null).status())
                .isEqualTo(403);
    }

    @Test
    void theSeedIsStoredOnceInEvaluationOrder() {
        assertThat(seed.seedIfEmpty()).isZero();
        List<String> ids = ids(admin("GET", PATH, null).json());
        for (RoutingRule bundled : RuleSeed.bundled()) {
            assertThat(ids.stream().filter(bundled.id()::equals))
                    .as(bundled.id())
                    .hasSize(1);
        }
        assertThat(ids.get(ids.size() - 1)).isEqualTo("commune-people-committee");
        assertThat(ids.indexOf("complaint-issuing-authority"))
                .isLessThan(ids.indexOf("denunciation-provincial-official"));
    }

    @Test
    void theLiveSetFollowsChangesMadeHereAtOnceAndElsewhereSoon() throws Exception {
        String id = unique("it-live");
        assertThat(rules.decide(hanoiEducation()).reason()).isEqualTo("commune_missing");

        assertThat(admin("POST", PATH, hanoiEducationRule(id, null, "{\"type\":\"police\"}"))
                        .status())
                .isEqualTo(201);
        assertThat(rules.decide(hanoiEducation()).authorityId()).isEqualTo("cong-an-01");

        admin("PUT", PATH + "/" + id, hanoiEducationRule(id, 1, "{\"type\":\"provincial_inspectorate\"}"));
        RoutingDecision changed = rules.decide(hanoiEducation());
        assertThat(changed.authorityId()).isEqualTo("thanh-tra-01");
        assertThat(changed.ruleId()).isEqualTo(id);
        assertThat(changed.ruleVersion()).isEqualTo(2);

        // Another instance's change: the document and the counter, without this instance's reload.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("target", new Document("type", "provincial_peoples_committee")),
                RuleDocument.COLLECTION);
        store.bumpRevision();
        assertThat(eventually(() -> rules.decide(hanoiEducation()).authorityId(), "ubnd-01"))
                .isEqualTo("ubnd-01");

        admin("DELETE", PATH + "/" + id, null);
        assertThat(rules.decide(hanoiEducation()).reason()).isEqualTo("commune_missing");
    }

    @Test
    void simulatesADraftOverTheStoredPetitionsOfTheCallersProvince() {
        String tag = unique("sim");
        petition(tag, "infrastructure.drainage", "40", "17605", "ubnd-17605");
        petition(tag, "infrastructure.roads", "40", "17605", "ubnd-17605");
        petition(tag, "infrastructure.lighting", "40", "17605", "ubnd-17605");
        petition(tag, "health", "40", "17605", "ubnd-17605");
        petition(tag, "other", "40", null, null);
        String hanoiCommune = vn.gandan.adminunits.AdminUnits.official()
                .communesOf("01")
                .get(0)
                .code();
        petition(tag, "infrastructure.roads", "01", hanoiCommune, "ubnd-" + hanoiCommune);
        petition(tag, "social.welfare", "01", hanoiCommune, "ubnd-" + hanoiCommune);

        StringBuilder draft = new StringBuilder("[");
        for (RoutingRule r : RuleSeed.bundled()) {
            draft.append(json.writeValueAsString(r)).append(',');
        }
        draft.append("""
                {"id":"infrastructure-construction","priority":50,"description":"what if",
                 "match":{"categories":["infrastructure.*"]},
                 "target":{"type":"provincial_department","department":"construction"}}]""");

        JsonNode all = admin("POST", PATH + "/simulate", "{\"rules\":" + draft + ",\"limit\":2}")
                .json();
        assertThat(all.get("evaluated").asInt()).isEqualTo(7);
        assertThat(all.get("changed").asInt()).isEqualTo(4);
        assertThat(all.get("unchanged").asInt()).isEqualTo(3);
        assertThat(all.get("changes")).hasSize(2);
        JsonNode first = all.get("changes").get(0);
        assertThat(first.get("from").asString()).isEqualTo("ubnd-17605");
        assertThat(first.get("to").asString()).isEqualTo("so-xay-dung-40");
        assertThat(first.get("ruleId").asString()).isEqualTo("infrastructure-construction");

        String forHanoi = "{\"rules\":" + draft + ",\"provinceCode\":\"01\"}";
        JsonNode hanoi = admin("POST", PATH + "/simulate", forHanoi).json();
        assertThat(hanoi.get("evaluated").asInt()).isEqualTo(2);
        assertThat(hanoi.get("changed").asInt()).isEqualTo(1);
        assertThat(hanoi.get("changes").get(0).get("to").asString()).isEqualTo("so-xay-dung-01");

        JsonNode operator =
                call("POST", PATH + "/simulate", forHanoi, "operator", null).json();
        assertThat(operator.get("provinceCode").asString()).isEqualTo("40");
        assertThat(operator.get("evaluated").asInt()).isEqualTo(5);
        assertThat(operator.get("changed").asInt()).isEqualTo(3);

        Answer invalid = admin(
                "POST",
                PATH + "/simulate",
                "{\"rules\":[{\"id\":\"no-target\",\"priority\":1}],\"limit\":0,\"provinceCode\":\"99\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("rules[0].target", "provinceCode", "limit");
    }

    void petition(String tag, String category, String province, String commune, String current) {
        petitions.add(new RoutedPetition(
                tag + "-" + UUID.randomUUID(),
                new RoutingInputs(PetitionKind.RECOMMENDATION, category, province, commune, Map.of(), LocalDate.now()),
                current));
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    static <T> T eventually(Supplier<T> value, T expected) throws InterruptedException {
        T last = value.get();
        for (int i = 0; i < 50 && !expected.equals(last); i++) {
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }
}
