package vn.gandan.intake.portalkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.support.security.ApiKeys;
import vn.gandan.support.security.PortalKeyStore;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * Portal keys issued, used and revoked at runtime, over real HTTP against the real broker and store: the admin
 * API, the native API and the Open311 facade, each with the scopes of the key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class PortalKeysIntegrationTests {

    static final String ADMIN_API = "/api/v1/admin/portal-keys";
    static final String WRITE = "petitions:write";
    static final String READ = "petitions:read";

    static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http admin() {
        return Http.at(port).withBasic("admin", "admin");
    }

    @Test
    void anAdminIssuesAKeyThatWorksUntilItIsRevoked() {
        String portalId = portalId();
        Http.Response created = admin().post(ADMIN_API, """
                        {"portalId":"%s","province":"40","scopes":["petitions:write","petitions:read"],
                         "label":"Cổng dịch vụ công Nghệ An"}
                        """.formatted(portalId));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        String key = body.get("key").asString();
        assertThat(id).matches("pk_[0-9a-f]{16}");
        assertThat(key).startsWith("gd_").hasSizeGreaterThanOrEqualTo(3 + 43);
        assertThat(body.get("portalId").asString()).isEqualTo(portalId);
        assertThat(body.get("province").asString()).isEqualTo("40");
        assertThat(body.get("scopes").valueStream().map(JsonNode::asString)).containsExactly(READ, WRITE);
        assertThat(body.get("createdAt").asString()).isNotBlank();

        // Only the digest is stored.
        Document stored = mongo.findById(id, Document.class, PortalKeyStore.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("keySha256")).isEqualTo(ApiKeys.sha256(key));
        assertThat(stored.toJson()).doesNotContain(key);
        assertThat(stored.getString("createdBy")).isEqualTo("admin");

        // The key files petitions, reads them and files Open311 requests, as its portal in its province.
        Http portal = Http.at(port).withApiKey(key);
        Http.Response petition = portal.post("/api/v1/petitions", petition("PK-" + UUID.randomUUID()));
        assertThat(petition.status()).as(petition.body()).isEqualTo(201);
        String petitionId = petition.json().get("id").asString();
        assertThat(portal.get("/api/v1/petitions/" + petitionId).status()).isEqualTo(200);
        Http.Response open311 = postForm("/open311/v2/requests.json", open311Request(key));
        assertThat(open311.status()).as(open311.body()).isEqualTo(201);
        assertThat(Http.at(port)
                        .get("/open311/v2/requests/" + petitionId + ".json?api_key=" + key)
                        .status())
                .isEqualTo(200);

        // Listed without the key or its digest.
        Http.Response listed = admin().get(ADMIN_API + "?province=40");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode entry = entryOf(listed.json(), id);
        assertThat(entry.get("portalId").asString()).isEqualTo(portalId);
        assertThat(entry.get("label").asString()).isEqualTo("Cổng dịch vụ công Nghệ An");
        assertThat(entry.get("active").asBoolean()).isTrue();
        assertThat(entry.get("createdBy").asString()).isEqualTo("admin");
        assertThat(entry.has("key")).isFalse();
        assertThat(entry.has("keySha256")).isFalse();
        assertThat(listed.body()).doesNotContain(key).doesNotContain(ApiKeys.sha256(key));
        assertThat(ids(admin().get(ADMIN_API + "?province=01").json())).doesNotContain(id);

        // Revoked: refused at once (the key was just used, so it was in this instance's cache), on both APIs.
        assertThat(delete(ADMIN_API + "/" + id, "admin", "admin").statusCode()).isEqualTo(204);
        Http.Response refused = portal.post("/api/v1/petitions", petition("PK-" + UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(401);
        assertThat(refused.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(portal.get("/api/v1/petitions/" + petitionId).status()).isEqualTo(401);

        Http.Response refusedOpen311 = postForm("/open311/v2/requests.json", open311Request(key));
        assertThat(refusedOpen311.status()).isEqualTo(403);
        assertThat(refusedOpen311.contentType()).startsWith("application/json");
        assertThat(refusedOpen311.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(refusedOpen311.json().get(0).get("description").asString()).contains("api_key");
        assertThat(Http.at(port)
                        .get("/open311/v2/requests/" + petitionId + ".json?api_key=" + key)
                        .status())
                .isEqualTo(403);

        // The record stays, revoked; revoking again changes nothing.
        JsonNode revoked = entryOf(admin().get(ADMIN_API).json(), id);
        assertThat(revoked.get("active").asBoolean()).isFalse();
        assertThat(revoked.get("revokedBy").asString()).isEqualTo("admin");
        String revokedAt = revoked.get("revokedAt").asString();
        assertThat(revokedAt).isNotBlank();
        assertThat(delete(ADMIN_API + "/" + id, "admin", "admin").statusCode()).isEqualTo(204);
        assertThat(admin().get(ADMIN_API + "/" + id).json().get("revokedAt").asString())
                .isEqualTo(revokedAt);
        assertThat(delete(ADMIN_API + "/pk_0000000000000000", "admin", "admin").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aKeyDoesOnlyWhatItsScopesAllow() {
        String readOnly = issue(portalId(), "40", READ);
        Http reader = Http.at(port).withApiKey(readOnly);

        Http.Response submit = reader.post("/api/v1/petitions", petition("PK-" + UUID.randomUUID()));
        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.contentType()).startsWith("application/problem+json");
        assertThat(submit.json().get("status").asInt()).isEqualTo(403);
        assertThat(reader.post("/api/v1/petitions:batch", "{\"petitions\":[" + petition("B") + "]}")
                        .status())
                .isEqualTo(403);
        assertThat(reader.get("/api/v1/petitions?size=1").status()).isEqualTo(200);

        Http.Response open311Post = postForm("/open311/v2/requests.json", open311Request(readOnly));
        assertThat(open311Post.status()).isEqualTo(403);
        assertThat(open311Post.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(open311Post.json().get(0).get("description").asString()).contains("scope");
        Http.Response open311Xml = postForm("/open311/v2/requests.xml", open311Request(readOnly));
        assertThat(open311Xml.status()).isEqualTo(403);
        assertThat(open311Xml.contentType()).startsWith("text/xml");
        assertThat(open311Xml.body()).contains("<errors>", "<code>403</code>");
        assertThat(Http.at(port)
                        .get("/open311/v2/requests.json?api_key=" + readOnly)
                        .status())
                .isEqualTo(200);

        String writeOnly = issue(portalId(), "40", WRITE);
        Http writer = Http.at(port).withApiKey(writeOnly);
        Http.Response filed = writer.post("/api/v1/petitions", petition("PK-" + UUID.randomUUID()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(writer.get("/api/v1/petitions/" + filed.json().get("id").asString())
                        .status())
                .isEqualTo(403);
        assertThat(writer.get("/api/v1/petitions").status()).isEqualTo(403);
        assertThat(postForm("/open311/v2/requests.json", open311Request(writeOnly))
                        .status())
                .isEqualTo(201);
        Http.Response open311Get = Http.at(port).get("/open311/v2/requests.json?api_key=" + writeOnly);
        assertThat(open311Get.status()).isEqualTo(403);
        assertThat(open311Get.json().get(0).get("code").asInt()).isEqualTo(403);

        // People keep their roles: the operator reads, without any scope.
        assertThat(Http.at(port)
                        .withBasic("operator", "operator")
                        .get("/api/v1/petitions?size=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aKeyActsForItsOwnProvinceOnly() {
        String hanoi = issue(portalId(), "01", WRITE, READ);

        Http.Response response = Http.at(port).withApiKey(hanoi).post("/api/v1/petitions", petition("P-1"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString())
                .contains("province");
    }

    @Test
    void onlyAdminsManageKeys() {
        String body = "{\"portalId\":\"" + portalId() + "\",\"province\":\"40\",\"scopes\":[\"petitions:read\"]}";
        Http demoPortal = Http.at(port).withApiKey("demo-portal-key");
        Http operator = Http.at(port).withBasic("operator", "operator");

        for (Http caller : List.of(demoPortal, operator, Http.at(port).withBasic("analyst", "analyst"))) {
            Http.Response create = caller.post(ADMIN_API, body);
            assertThat(create.status()).isEqualTo(403);
            assertThat(create.contentType()).startsWith("application/problem+json");
            assertThat(caller.get(ADMIN_API).status()).isEqualTo(403);
            // Refused before the body is even read: no validation answer for them.
            assertThat(caller.post(ADMIN_API, "{}").status()).isEqualTo(403);
        }
        // A key issued at runtime is a portal too, whatever its scopes.
        String issued = issue(portalId(), "40", WRITE, READ);
        assertThat(Http.at(port).withApiKey(issued).get(ADMIN_API).status()).isEqualTo(403);

        JsonNode existing = create(portalId(), "40", READ);
        String id = existing.get("id").asString();
        assertThat(delete(ADMIN_API + "/" + id, "operator", "operator").statusCode())
                .isEqualTo(403);
        assertThat(delete(ADMIN_API + "/" + id, "analyst", "analyst").statusCode())
                .isEqualTo(403);
        assertThat(Http.at(port)
                        .withApiKey(existing.get("key").asString())
                        .get("/api/v1/petitions?size=1")
                        .status())
                .isEqualTo(200);
        assertThat(admin().get(ADMIN_API + "/" + id).json().get("active").asBoolean())
                .isTrue();

        Http.Response anonymous = Http.at(port).get(ADMIN_API);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badRequestsNameTheField() {
        assertInvalid("{\"province\":\"40\",\"scopes\":[\"petitions:read\"]}", "portalId");
        assertInvalid("{\"portalId\":\"Nghe An!\",\"province\":\"40\",\"scopes\":[\"petitions:read\"]}", "portalId");
        assertInvalid("{\"portalId\":\"ab\",\"province\":\"40\",\"scopes\":[\"petitions:read\"]}", "portalId");
        assertInvalid(
                "{\"portalId\":\"" + portalId() + "\",\"province\":\"99\",\"scopes\":[\"petitions:read\"]}",
                "province");
        assertInvalid("{\"portalId\":\"" + portalId() + "\",\"scopes\":[\"petitions:read\"]}", "province");
        assertInvalid("{\"portalId\":\"" + portalId() + "\",\"province\":\"40\",\"scopes\":[]}", "scopes");
        assertInvalid("{\"portalId\":\"" + portalId() + "\",\"province\":\"40\"}", "scopes");
        assertInvalid(
                "{\"portalId\":\"" + portalId() + "\",\"province\":\"40\",\"scopes\":[\"petitions:delete\"]}",
                "scopes");
        assertInvalid(
                "{\"portalId\":\"" + portalId() + "\",\"province\":\"40\",\"scopes\":[\"petitions:read\"],"
                        + "\"label\":\"" + "x".repeat(201) + "\"}",
                "label");
        assertInvalid(
                "{\"portalId\":\"" + portalId() + "\",\"province\":\"40\",\"scopes\":\"petitions:read\"}", "scopes");

        Http.Response notJson = admin().post(ADMIN_API, "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        Http.Response badFilter = admin().get(ADMIN_API + "?province=999");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("errors").get(0).get("field").asString())
                .isEqualTo("province");
    }

    @Test
    void aPortalActsForOneProvinceWhicheverItsKey() {
        String portalId = portalId();
        issue(portalId, "40", READ);

        Http.Response elsewhere = admin().post(
                        ADMIN_API,
                        "{\"portalId\":\"" + portalId + "\",\"province\":\"01\",\"scopes\":[\"petitions:read\"]}");
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asString())
                .isEqualTo("portalId");

        // The configured demo portal is Nghệ An's: a second key for it must be too.
        Http.Response configured = admin().post(
                        ADMIN_API,
                        "{\"portalId\":\"nghe-an-demo\",\"province\":\"01\",\"scopes\":[\"petitions:read\"]}");
        assertThat(configured.status()).isEqualTo(409);
        assertThat(admin().post(
                                ADMIN_API,
                                "{\"portalId\":\"nghe-an-demo\",\"province\":\"40\",\"scopes\":[\"petitions:read\"]}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void configuredKeysKeepEveryScope() {
        Http demo = Http.at(port).withApiKey("demo-portal-key");
        Http.Response filed = demo.post("/api/v1/petitions", petition("PK-" + UUID.randomUUID()));
        assertThat(filed.status()).isEqualTo(201);
        assertThat(demo.get("/api/v1/petitions/" + filed.json().get("id").asString())
                        .status())
                .isEqualTo(200);
        assertThat(Http.at(port)
                        .get("/open311/v2/requests.json?api_key=demo-portal-key")
                        .status())
                .isEqualTo(200);
        // An unknown key that looks like an issued one is a 401 too.
        Http.Response unknown = Http.at(port).withApiKey(ApiKeys.newKey()).get("/api/v1/petitions");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    void assertInvalid(String body, String field) {
        Http.Response response = admin().post(ADMIN_API, body);
        assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field")
                        .asString()))
                .as(response.body())
                .contains(field);
    }

    /** @return the new key */
    String issue(String portalId, String province, String... scopes) {
        return create(portalId, province, scopes).get("key").asString();
    }

    /** @return the answer to the creation: id, key and the rest */
    JsonNode create(String portalId, String province, String... scopes) {
        StringBuilder list = new StringBuilder();
        for (String scope : scopes) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(scope).append('"');
        }
        Http.Response created = admin().post(
                        ADMIN_API,
                        "{\"portalId\":\"" + portalId + "\",\"province\":\"" + province + "\",\"scopes\":[" + list
                                + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static String portalId() {
        return "portal-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode entryOf(JsonNode list, String id) {
        return list.valueStream()
                .filter(entry -> entry.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not listed in " + list));
    }

    static List<String> ids(JsonNode list) {
        return list.valueStream().map(entry -> entry.get("id").asString()).toList();
    }

    static String petition(String reference) {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},"portalReference":"%s"}
                """.formatted(reference);
    }

    static String open311Request(String key) {
        return form(
                "api_key", key,
                "service_code", "infrastructure.roads",
                "address_id", "17605",
                "description", "Ổ gà trên đường, " + UUID.randomUUID(),
                "attribute[kind]", "recommendation");
    }

    static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    Http.Response postForm(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        return new Http.Response(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** {@code Http} has no DELETE. */
    HttpResponse<String> delete(String path, String user, String password) {
        String basic =
                java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .DELETE()
                .build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
