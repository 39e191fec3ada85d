package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.StoreCommands;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class PetitionSubmissionIntegrationTests {

    static KafkaProbe intakeTopic;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    Petitions petitions;

    @org.springframework.beans.factory.annotation.Autowired
    KafkaTemplate<Object, Object> kafka;

    @org.springframework.beans.factory.annotation.Autowired
    MeterRegistry meters;

    @BeforeAll
    static void readTopic() {
        intakeTopic = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
    }

    Http portal() {
        return Http.at(port).withApiKey("demo-portal-key");
    }

    static String petition(String communeCode, String reference) {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc","description":"Nước ngập ngã tư mỗi khi mưa lớn.",
                 "location":{"communeCode":"%s"},"channel":"portal","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},"portalReference":"%s"}
                """.formatted(communeCode, reference);
    }

    @Test
    void acceptsAPetitionAndPublishesItAsACloudEvent() {
        Http.Response created = portal().post("/api/v1/petitions", petition("17605", "NA-" + UUID.randomUUID()));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(body.get("trackingCode").asString()).matches("40-[0-9A-Z]{8}");
        assertThat(body.get("status").asString()).isEqualTo("submitted");
        assertThat(body.has("citizen")).isFalse();

        JsonNode fetched = portal().get("/api/v1/petitions/" + id).json();
        assertThat(fetched.get("communeCode").asString()).isEqualTo("17605");

        var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(KafkaProbe.header(record, "ce_subject")).contains(id);
        assertThat(KafkaProbe.header(record, "ce_source")).contains("/gandan/intake");
        assertThat(KafkaProbe.header(record, "ce_specversion")).contains("1.0");
        assertThat(KafkaProbe.header(record, "content-type")).contains("application/json");
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode event = JsonMapper.builder().build().readTree(payload);
        assertThat(event.get("place").get("communeCode").asString()).isEqualTo("17605");
        assertThat(payload).doesNotContain("0912").doesNotContain("Nguyễn Văn An");
    }

    @Test
    void theSamePortalReferenceIsTheSamePetition() {
        String reference = "NA-" + UUID.randomUUID();
        Http.Response first = portal().post("/api/v1/petitions", petition("17605", reference));
        Http.Response again = portal().post("/api/v1/petitions", petition("17605", reference));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(intakeTopic.recordsWithKey(first.json().get("id").asString(), Duration.ofSeconds(2)))
                .hasSize(1);
    }

    @Test
    void rejectsBadInputWithProblemDetailsNamingTheField() {
        Http.Response missing = portal().post("/api/v1/petitions", "{\"kind\":\"recommendation\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").toString()).contains("category", "title", "location", "receivedAt");

        Http.Response badKind =
                portal().post("/api/v1/petitions", petition("17605", "x").replace("recommendation", "wish"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

        Http.Response unknownCommune = portal().post("/api/v1/petitions", petition("99999", "y"));
        assertThat(unknownCommune.status()).isEqualTo(400);
        assertThat(unknownCommune.json().get("errors").get(0).get("field").asString())
                .isEqualTo("location.communeCode");

        Http.Response notJson = portal().post("/api/v1/petitions", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void aPortalCannotFileForAnotherProvince() {
        // 00004 is Phường Ba Đình, Hà Nội; the demo portal is Nghệ An's.
        Http.Response response = portal().post("/api/v1/petitions", petition("00004", "z-" + UUID.randomUUID()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("reason").asString())
                .contains("province");
    }

    @Test
    void callsWithoutAValidKeyAreRefused() {
        assertThat(Http.at(port)
                        .post("/api/v1/petitions", petition("17605", "k"))
                        .status())
                .isEqualTo(401);
        Http.Response wrongKey =
                Http.at(port).withApiKey("not-the-key").post("/api/v1/petitions", petition("17605", "k"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("application/problem+json");
        assertThat(Http.at(port)
                        .withBasic("analyst", "analyst")
                        .post("/api/v1/petitions", petition("17605", "k"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void healthAndMetricsAreOpen() {
        Http.Response health = Http.at(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("mongo").get("status").asString())
                .isEqualTo("UP");
        assertThat(Http.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Http.at(port).get("/actuator/prometheus").body()).contains("gandan_outbox_published");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstPetitionAndRefusesADifferentBody() {
        String key = UUID.randomUUID().toString();
        Http portalWithKey = portal().withHeader("Idempotency-Key", key);
        Http.Response first = portalWithKey.post("/api/v1/petitions", petition("17605", null));
        Http.Response retry = portalWithKey.post("/api/v1/petitions", petition("17605", null));
        Http.Response different = portalWithKey.post(
                "/api/v1/petitions", petition("17605", null).replace("Cống thoát nước", "Đèn đường"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(intakeTopic.recordsWithKey(first.json().get("id").asString(), Duration.ofSeconds(2)))
                .hasSize(1);
    }

    /** Retries sent at once: the store refuses all but one insert, and each refused call answers with that one. */
    @Test
    void retriesSentAtOnceAllAnswerWithTheOnePetitionCreated() {
        Http portalWithKey =
                portal().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        String body = petition("17605", "R-" + UUID.randomUUID());
        var calls = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> portalWithKey.post("/api/v1/petitions", body)))
                .toList();
        List<Http.Response> answers =
                calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(answers).extracting(Http.Response::status).containsOnly(200, 201);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        String id = answers.get(0).json().get("id").asString();
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.json().get("id").asString()).isEqualTo(id));
        assertThat(intakeTopic.recordsWithKey(id, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aBatchAnswersEachItemOnItsOwn() {
        String good = petition("17605", "B-" + UUID.randomUUID());
        String otherProvince = petition("00004", "B-" + UUID.randomUUID());
        String missingTitle =
                petition("17605", "B-" + UUID.randomUUID()).replace("\"title\":\"Cống thoát nước bị tắc\",", "");
        Http.Response response = portal().post(
                        "/api/v1/petitions:batch",
                        "{\"petitions\":[" + good + "," + otherProvince + "," + missingTitle + "]}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("petition").get("id").asString()).isNotBlank();
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("location.communeCode");
        assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("title");

        assertThat(portal().post("/api/v1/petitions:batch", "{\"petitions\":[]}")
                        .status())
                .isEqualTo(400);
    }

    /**
     * A batch is taken as its petitions one after another would be (a repeat of an earlier item is linked to it, a
     * reference sent twice is one petition) at one command per collection for the whole batch.
     */
    @Test
    void aBatchLinksItsOwnRepeatsAtOneStoreCommandPerCollection() {
        String reference = "BR-" + UUID.randomUUID();
        String first = drainage(reference, "Cống ngầm tổ 9 khu phố Đông sụp lún sau mưa");
        String repeat = drainage("BR-" + UUID.randomUUID(), "Cống ngầm tổ 9 khu phố Đông sụp lún, nguy hiểm");
        String different = drainage(reference, "Một kiến nghị khác dưới cùng mã hồ sơ");
        long inserts = StoreCommands.count(meters, "insert", "petitions");
        long reads = StoreCommands.count(meters, "find", "recent_petitions");
        long remembered = StoreCommands.count(meters, "update", "recent_petitions");

        JsonNode results = portal().post(
                        "/api/v1/petitions:batch",
                        "{\"petitions\":[" + first + "," + repeat + "," + first + "," + different + "]}")
                .json()
                .get("results");

        String firstId = results.get(0).get("petition").get("id").asString();
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("petition").path("relatedTo").isObject()).isFalse();
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1)
                        .get("petition")
                        .get("relatedTo")
                        .get("petitionId")
                        .asString())
                .isEqualTo(firstId);
        assertThat(results.get(2).get("status").asInt())
                .as("the same reference, the same body")
                .isEqualTo(200);
        assertThat(results.get(2).get("petition").get("id").asString()).isEqualTo(firstId);
        assertThat(results.get(3).get("status").asInt())
                .as("the same reference, another body")
                .isEqualTo(409);
        assertThat(petitions.findById(results.get(1).get("petition").get("id").asString()))
                .isPresent();

        assertThat(StoreCommands.count(meters, "insert", "petitions") - inserts).isEqualTo(1);
        assertThat(StoreCommands.count(meters, "find", "recent_petitions") - reads)
                .isEqualTo(1);
        assertThat(StoreCommands.count(meters, "update", "recent_petitions") - remembered)
                .isEqualTo(1);
        // Sent again, the batch finds its petitions by reference, and stores nothing.
        JsonNode again = portal().post("/api/v1/petitions:batch", "{\"petitions\":[" + first + "," + repeat + "]}")
                .json();
        assertThat(again.get("results").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(again.get("results").get(1).get("status").asInt()).isEqualTo(200);
        assertThat(StoreCommands.count(meters, "insert", "petitions") - inserts).isEqualTo(1);
    }

    /** A drainage petition of Long Thành without a citizen: only its place and words can link it. */
    private static String drainage(String reference, String title) {
        return """
                {"kind":"recommendation","category":"infrastructure.drainage","title":"%s",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-21T08:00:00+07:00",
                 "portalReference":"%s"}
                """.formatted(title, reference);
    }

    /** ADR 0017: imported from the portal's records, marked so, without consent, and archived once routed. */
    @Test
    void aHistoricalBatchIsImportedMarkedAndArchivedOnceRouted() throws Exception {
        String reference = "H-" + UUID.randomUUID();
        String archived =
                petition("17605", reference).replace("2026-11-20T08:00:00+07:00", "2022-03-14T09:30:00+07:00");
        String unplaced = petition("17605", "H-" + UUID.randomUUID());
        String asksToBeTold = petition("17605", "H-" + UUID.randomUUID())
                .replace(
                        "\"phone\":\"0912 345 678\"", "\"phone\":\"0912 345 678\",\"notify\":{\"channels\":[\"sms\"]}");
        Http.Response response = portal().post(
                        "/api/v1/petitions:batch",
                        "{\"historical\":true,\"petitions\":[" + archived + "," + unplaced + "," + asksToBeTold + "]}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("petition").get("historical").asBoolean()).isTrue();
        assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("citizen.notify");
        String id = results.get(0).get("petition").get("id").asString();
        String unplacedId = results.get(1).get("petition").get("id").asString();

        var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(record.value())
                        .get("historical")
                        .asBoolean())
                .isTrue();
        // The same reference sent live is another request, not a retry of the import.
        assertThat(portal().post("/api/v1/petitions", archived).status()).isEqualTo(409);

        String live = portal().post("/api/v1/petitions", petition("17605", "L-" + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        var office = new AuthorityRef("ubnd-17605", "UBND phường Long Thành", "17605");
        kafka.send(Topics.ROUTING_CASES, id, routed(id, office, true)).get();
        kafka.send(Topics.ROUTING_CASES, live, routed(live, office, null)).get();
        kafka.send(
                        Topics.ROUTING_CASES,
                        unplacedId,
                        new PetitionRoutingFailed(
                                UUID.randomUUID(),
                                PetitionId.of(unplacedId),
                                java.time.Instant.now(),
                                new Place("40", "17605"),
                                "no_matching_rule",
                                "no rule",
                                true))
                .get();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(portal().get("/api/v1/petitions/" + live)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("routed");
            JsonNode imported = portal().get("/api/v1/petitions/" + id).json();
            assertThat(imported.get("status").asString()).isEqualTo("archived");
            assertThat(imported.get("authorityName").asString()).isEqualTo("UBND phường Long Thành");
            assertThat(portal().get("/api/v1/petitions/" + unplacedId)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("archived");
        });
    }

    private static PetitionRouted routed(String id, AuthorityRef to, Boolean historical) {
        return new PetitionRouted(
                UUID.randomUUID(),
                PetitionId.of(id),
                java.time.Instant.now(),
                to,
                new Place("40", "17605"),
                "rule-1",
                1,
                null,
                historical);
    }

    @Test
    void aPortalListsItsProvincesPetitionsByStatusAndDay() {
        String reference = "L-" + UUID.randomUUID();
        String id = portal().post("/api/v1/petitions", petition("17605", reference))
                .json()
                .get("id")
                .asString();

        JsonNode page = portal().get("/api/v1/petitions?from=2026-11-20&to=2026-11-20&size=200")
                .json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("items").findValuesAsString("id")).contains(id);
        assertThat(page.get("items").findValuesAsString("provinceCode")).containsOnly("40");

        JsonNode nextDay =
                portal().get("/api/v1/petitions?from=2026-11-21&to=2026-11-21").json();
        assertThat(nextDay.get("items").findValuesAsString("id")).doesNotContain(id);

        assertThat(portal().get("/api/v1/petitions?from=2026-11-22&to=2026-11-21")
                        .status())
                .isEqualTo(400);
        Http.Response badDate = portal().get("/api/v1/petitions?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        Http.Response tooBig = portal().get("/api/v1/petitions?size=100000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void theCatalogueListsKindsCategoriesAndChannelsInBothLanguages() {
        JsonNode catalogue = portal().get("/api/v1/catalogue").json();
        assertThat(catalogue.get("kinds").findValuesAsString("code"))
                .containsExactly("recommendation", "complaint", "denunciation");
        assertThat(catalogue.get("categories").findValuesAsString("code")).contains("infrastructure.drainage", "other");
        assertThat(catalogue.get("categories").get(1).get("nameVi").asString()).isEqualTo("Thoát nước");
        assertThat(catalogue.get("channels").findValuesAsString("code")).contains("household_visit");
    }

    static String petitionAt(String address, String phone) {
        return """
                {"kind":"complaint","category":"land.compensation","title":"  Bồi thường\\u200b đất  mở rộng đường ",
                 "location":{"address":"%s"},"channel":"hotline","receivedAt":"2026-11-20T08:00:00+07:00",
                 "citizen":{"name":"Trần Thị Bình","phone":"%s"},"details":{"projectName":"Mở rộng Quốc lộ 7A"}}
                """.formatted(address, phone);
    }

    @Test
    void resolvesPre2025AddressesWithOrWithoutDiacriticsAndNormalizesTextAndPhone() {
        for (String address :
                List.of("xã Long Thành, huyện Yên Thành, Nghệ An", "xa Long Thanh, huyen Yen Thanh, Nghe An")) {
            Http.Response created = portal().post("/api/v1/petitions", petitionAt(address, "84-912-345-678"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode view = created.json();
            assertThat(view.get("communeCode").asString()).isEqualTo("17605");
            assertThat(view.get("addressMethod").asString()).isEqualTo("legacy_name");
            assertThat(view.get("title").asString()).isEqualTo("Bồi thường đất mở rộng đường");
            Petition stored = petitions.findById(view.get("id").asString()).orElseThrow();
            assertThat(stored.getCitizen().phone()).isEqualTo("+84912345678");
            assertThat(stored.getLocation().address()).isEqualTo(address);
        }
    }

    @Test
    void aVagueAddressIsAcceptedForTriageInThePortalsProvince() {
        Http.Response created = portal().post("/api/v1/petitions", petitionAt("thôn 3", "0912 345 678"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("provinceCode").asString()).isEqualTo("40");
        assertThat(created.json().get("communeCode").isNull()).isTrue();
        assertThat(created.json().get("triageReason").asString()).isEqualTo("address_unresolved");
    }

    @Test
    void anInvalidPhoneIsRefusedWithItsReason() {
        Http.Response refused = portal().post("/api/v1/petitions", petitionAt("thôn 3", "12ab"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("citizen.phone");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).isNotBlank();
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        Http.Response openApi = Http.at(port).get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").propertyNames())
                .contains("/api/v1/petitions", "/api/v1/petitions/{id}", "/api/v1/catalogue");
        assertThat(Http.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void aRepeatPetitionIsLinkedToTheEarlierOneAndCarriesOnlyAPseudonym() {
        String phone = "0912" + (100_000 + new java.util.Random().nextInt(899_999));
        String first = """
                {"kind":"recommendation","category":"environment.waste","title":"Bãi rác tự phát cạnh chợ Long Thành gây ô nhiễm",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2026-11-18T08:00:00+07:00",
                 "citizen":{"name":"Lê Văn Cường","phone":"%s"}}
                """.formatted(phone);
        String again = first.replace("2026-11-18", "2026-11-20").replace("gây ô nhiễm", "vẫn gây ô nhiễm, chưa dọn");
        String firstId =
                portal().post("/api/v1/petitions", first).json().get("id").asString();
        Http.Response repeat = portal().post("/api/v1/petitions", again);

        assertThat(repeat.status()).isEqualTo(201);
        JsonNode related = repeat.json().get("relatedTo");
        assertThat(related.get("petitionId").asString()).isEqualTo(firstId);
        assertThat(related.get("score").asDouble()).isGreaterThanOrEqualTo(0.5);

        String repeatId = repeat.json().get("id").asString();
        var record = intakeTopic.await(KafkaProbe.withKey(repeatId), Duration.ofSeconds(20));
        JsonNode event = JsonMapper.builder().build().readTree(record.value());
        assertThat(event.get("relatedTo").get("petitionId").asString()).isEqualTo(firstId);
        assertThat(event.get("citizenRef").asString()).matches("c-[0-9a-f]{32}");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(phone.substring(1));
    }
}
