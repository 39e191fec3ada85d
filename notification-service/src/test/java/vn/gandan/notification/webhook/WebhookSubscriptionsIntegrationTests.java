package vn.gandan.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The subscription API as in production: https only, no loopback or private addresses. {@code
 * gandan.security.portals} is a list, and a list is taken whole from the highest source that sets it (Spring Boot
 * does not merge lists across sources), so the demo portal is repeated here next to the two test portals.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.notification.webhooks.allow-http=false",
            "gandan.notification.webhooks.allow-loopback=false",
            "gandan.notification.webhooks.allow-private=false",
            "gandan.notification.webhooks.max-per-portal=3",
            "gandan.security.portals[0].id=nghe-an-demo",
            "gandan.security.portals[0].province=40",
            "gandan.security.portals[0].key-sha256=9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90",
            // SHA-256 of "other-portal-key": a second portal of the same province.
            "gandan.security.portals[1].id=nghe-an-other",
            "gandan.security.portals[1].province=40",
            "gandan.security.portals[1].key-sha256=8f5611cea8d21541f8952cfe4318c9609c71cad2c560f14eb5a6e8930e816cde",
            // SHA-256 of "hanoi-portal-key": a portal of Hà Nội.
            "gandan.security.portals[2].id=ha-noi-portal",
            "gandan.security.portals[2].province=01",
            "gandan.security.portals[2].key-sha256=d1c4a48382a37694dfde2a1b7c411df85001f4e80078abf02fd083dab3a6a689"
        })
@ActiveProfiles("local")
@RealInfrastructure
class WebhookSubscriptionsIntegrationTests {

    static final String DEMO = "demo-portal-key";
    static final String OTHER = "other-portal-key";
    static final String HANOI = "hanoi-portal-key";
    static final String SECRET = "s3cret-of-the-nghe-an-portal";
    /** TEST-NET-3: a public address that needs no DNS. */
    static final String PUBLIC_URL = "https://203.0.113.10/gandan/events";

    private static final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WebhookSubscriptions subscriptions;

    /** Every body any call answered, to check that none carries the secret. */
    final List<String> answered = new ArrayList<>();

    @BeforeEach
    void emptyCollection() {
        mongo.remove(new Query(), StoredSubscription.COLLECTION);
    }

    @AfterEach
    void secretNeverAnswered() {
        assertThat(answered).noneMatch(body -> body.contains(SECRET));
    }

    @Test
    void aPortalCreatesListsReadsAndDeletesItsOwn() throws Exception {
        HttpResponse<String> created = post(DEMO, "/api/v1/webhooks", body(PUBLIC_URL, SECRET));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode subscription = new Http.Response(201, "", created.body()).json();
        String id = subscription.get("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/webhooks/" + id);
        assertThat(subscription.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(subscription.get("provinceCode").asString()).isEqualTo("40");
        assertThat(subscription.get("createdAt").isNull()).isFalse();
        assertThat(subscription.has("secret")).isFalse();

        assertThat(ids(demo().get("/api/v1/webhooks"))).containsExactly(id);
        assertThat(json(demo().get("/api/v1/webhooks/" + id)).get("active").asBoolean())
                .isTrue();
        assertThat(subscriptions.activeFor("40")).extracting(Subscription::id).containsExactly(id);
        assertThat(subscriptions.activeFor("01")).isEmpty();

        Document stored = mongo.getCollection(StoredSubscription.COLLECTION)
                .find(new Document("_id", id))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(SECRET).contains("encryptedSecret");

        assertThat(delete(DEMO, id)).isEqualTo(204);
        assertThat(delete(DEMO, id)).as("a repeat").isEqualTo(204);
        assertThat(json(demo().get("/api/v1/webhooks/" + id)).get("active").asBoolean())
                .isFalse();
        assertThat(subscriptions.activeFor("40")).isEmpty();
        assertThat(subscriptions.find(id))
                .hasValueSatisfying(s -> assertThat(s.active()).isFalse());
        assertThat(delete(DEMO, "no-such-id")).isEqualTo(404);
    }

    @Test
    void othersNeitherSeeNorDeleteItButOperatorsOfTheProvinceAndAdminsMayLook() throws Exception {
        String id = create(DEMO, PUBLIC_URL);
        String path = "/api/v1/webhooks/" + id;

        assertThat(ids(as(OTHER).get("/api/v1/webhooks"))).isEmpty();
        assertThat(status(as(OTHER).get(path))).isEqualTo(404);
        assertThat(delete(OTHER, id)).isEqualTo(404);
        assertThat(ids(as(HANOI).get("/api/v1/webhooks"))).isEmpty();
        assertThat(status(as(HANOI).get(path))).isEqualTo(404);
        assertThat(delete(HANOI, id)).isEqualTo(404);

        Http operator = Http.at(port).withBasic("operator", "operator");
        assertThat(ids(operator.get("/api/v1/webhooks"))).containsExactly(id);
        assertThat(status(operator.get(path))).isEqualTo(200);
        Http operatorHanoi = Http.at(port).withBasic("operator-hn", "operator-hn");
        assertThat(ids(operatorHanoi.get("/api/v1/webhooks"))).isEmpty();
        assertThat(status(operatorHanoi.get(path))).isEqualTo(404);
        Http admin = Http.at(port).withBasic("admin", "admin");
        assertThat(ids(admin.get("/api/v1/webhooks"))).containsExactly(id);
        assertThat(status(admin.get(path))).isEqualTo(200);

        assertThat(deleteWithBasic("operator", "operator", id))
                .as("operators only look")
                .isEqualTo(403);
        assertThat(deleteWithBasic("admin", "admin", id)).isEqualTo(403);
        assertThat(status(operator.post("/api/v1/webhooks", body(PUBLIC_URL, SECRET))))
                .isEqualTo(403);
        assertThat(status(Http.at(port).withBasic("responder", "responder").get("/api/v1/webhooks")))
                .isEqualTo(403);
        assertThat(status(Http.at(port).get("/api/v1/webhooks"))).isEqualTo(401);
        assertThat(status(Http.at(port).withApiKey("wrong-key").get("/api/v1/webhooks")))
                .isEqualTo(401);

        assertThat(subscriptions.find(id))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
    }

    @Test
    void refusesPlainHttpInProduction() {
        assertThat(urlReason("http://203.0.113.10/hook")).isEqualTo("must use https.");
    }

    @Test
    void refusesLoopbackInProduction() {
        assertThat(urlReason("https://127.0.0.1:8443/hook")).contains("loopback");
        assertThat(urlReason("https://localhost/hook")).contains("loopback");
        assertThat(urlReason("https://[::1]/hook")).contains("loopback");
    }

    @Test
    void refusesPrivateLinkLocalAndMulticastAddresses() {
        assertThat(urlReason("https://10.1.2.3/hook")).contains("private network");
        assertThat(urlReason("https://172.20.0.1/hook")).contains("private network");
        assertThat(urlReason("https://192.168.0.10/hook")).contains("private network");
        assertThat(urlReason("https://[fd00::1]/hook")).contains("private network");
        assertThat(urlReason("https://169.254.169.254/latest/meta-data")).contains("link-local");
        assertThat(urlReason("https://224.0.0.1/hook")).contains("multicast");
        assertThat(urlReason("https://0.0.0.0/hook")).contains("unspecified");
    }

    @Test
    void refusesHostsThatDoNotResolveUserInfoAndOverlongUrls() {
        // RFC 6761: .invalid never resolves.
        assertThat(urlReason("https://gandan-webhook-test.invalid/hook")).contains("does not resolve");
        assertThat(urlReason("https://user:pw@203.0.113.10/hook")).contains("user name or password");
        assertThat(urlReason("https://203.0.113.10/" + "a".repeat(2_000))).contains("2,000");
        assertThat(urlReason("/relative")).contains("absolute");
    }

    @Test
    void refusesShortLongAndMissingSecretsNamingEachField() {
        JsonNode problem = problem(demo(), body(PUBLIC_URL, "too-short"), 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("secret");
        assertThat(problem.get("errors").get(0).get("reason").asString())
                .isEqualTo("must be between 16 and 200 characters.");
        assertThat(problem(demo(), body(PUBLIC_URL, "x".repeat(201)), 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("secret");

        JsonNode both = problem(demo(), "{}", 400);
        assertThat(both.get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactly("url", "secret");
        assertThat(subscriptions.activeFor("40")).isEmpty();
    }

    @Test
    void answersInVietnameseWithDiacritics() {
        JsonNode problem =
                problem(demo().withHeader("Accept-Language", "vi"), body("http://203.0.113.10/hook", "ngắn"), 400);
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("reason").asString())
                .containsExactly("phải dùng https.", "phải dài từ 16 đến 200 ký tự.");
    }

    @Test
    void atMostMaxPerPortalActiveSubscriptions() throws Exception {
        for (int i = 0; i < 3; i++) {
            create(OTHER, PUBLIC_URL + "/" + i);
        }
        String first = subscriptions.activeFor("40").get(0).id();
        JsonNode conflict = problem(as(OTHER), body(PUBLIC_URL, SECRET), 409);
        assertThat(conflict.get("detail").asString()).contains("3 active webhooks");
        assertThat(ids(as(DEMO).get("/api/v1/webhooks"))).isEmpty();
        assertThat(create(DEMO, PUBLIC_URL)).as("the limit is per portal").isNotBlank();

        assertThat(delete(OTHER, first)).isEqualTo(204);
        assertThat(create(OTHER, PUBLIC_URL + "/again")).isNotBlank();
    }

    @Test
    void redeliveryQueuesTheOwnersRequest() throws Exception {
        String id = create(DEMO, PUBLIC_URL);
        Instant since = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Http.Response accepted = demo().post(redeliver(id), "{\"since\":\"" + since + "\"}");
        assertThat(accepted.status()).isEqualTo(202);
        // What it queues is proved in NotificationFlowIntegrationTests, with events that went to a portal.
        assertThat(accepted.json().get("queued").isInt()).isTrue();

        assertThat(status(as(OTHER).post(redeliver(id), "{\"since\":\"" + since + "\"}")))
                .isEqualTo(404);
        assertThat(status(Http.at(port).withBasic("operator", "operator").post(redeliver(id), "{}")))
                .isEqualTo(403);
    }

    @Test
    void redeliveryValidatesSince() throws Exception {
        String id = create(DEMO, PUBLIC_URL);

        assertThat(sinceReason(id, "{}")).startsWith("is required");
        assertThat(sinceReason(id, since(Instant.now().plus(1, ChronoUnit.HOURS))))
                .isEqualTo("must not be in the future.");
        assertThat(sinceReason(id, since(Instant.now().minus(31, ChronoUnit.DAYS))))
                .isEqualTo("must be within the last 30 days.");
        assertThat(problem(demo(), redeliver(id), "{\"since\":\"yesterday\"}", 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("since");

        assertThat(delete(DEMO, id)).isEqualTo(204);
        problem(demo(), redeliver(id), since(Instant.now().minus(1, ChronoUnit.DAYS)), 409);
    }

    // -- helpers

    private String urlReason(String url) {
        JsonNode problem = problem(demo(), body(url, SECRET), 400);
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(subscriptions.activeFor("40")).isEmpty();
        return problem.get("errors").get(0).get("reason").asString();
    }

    private String sinceReason(String id, String body) {
        JsonNode problem = problem(demo(), redeliver(id), body, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("since");
        return problem.get("errors").get(0).get("reason").asString();
    }

    private JsonNode problem(Http http, String body, int status) {
        return problem(http, "/api/v1/webhooks", body, status);
    }

    private JsonNode problem(Http http, String path, String body, int status) {
        Http.Response response = http.post(path, body);
        answered.add(response.body());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json();
    }

    private String create(String key, String url) throws Exception {
        HttpResponse<String> created = post(key, "/api/v1/webhooks", body(url, SECRET));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Http.Response(201, "", created.body()).json().get("id").asString();
    }

    private Http demo() {
        return as(DEMO);
    }

    private Http as(String key) {
        return Http.at(port).withApiKey(key);
    }

    private List<String> ids(Http.Response response) {
        answered.add(response.body());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new CopyOnWriteArrayList<>();
        response.json().forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }

    private JsonNode json(Http.Response response) {
        answered.add(response.body());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private int status(Http.Response response) {
        answered.add(response.body());
        return response.status();
    }

    private HttpResponse<String> post(String key, String path, String body) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Api-Key", key)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        answered.add(response.body());
        return response;
    }

    private int delete(String key, String id) throws Exception {
        return delete(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/" + id))
                .header("X-Api-Key", key));
    }

    private int deleteWithBasic(String user, String password, String id) throws Exception {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return delete(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/" + id))
                .header("Authorization", "Basic " + token));
    }

    private int delete(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(
                request.timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        answered.add(response.body());
        return response.statusCode();
    }

    private static String redeliver(String id) {
        return "/api/v1/webhooks/" + id + "/redeliver";
    }

    private static String since(Instant since) {
        return "{\"since\":\"" + since + "\"}";
    }

    private static String body(String url, String secret) {
        return "{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}";
    }
}
