package vn.gandan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.Topics;
import vn.gandan.intake.submission.Categories;
import vn.gandan.intake.submission.Petition;
import vn.gandan.intake.submission.Petitions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The Open311 GeoReport v2 facade over real HTTP, Kafka and MongoDB, called the way an off-the-shelf client calls
 * it: suffixed resources, a form-encoded POST with {@code api_key} in the body, keys in the query string for
 * reads. Two portals: the demo one of Nghệ An (40) and one of Hà Nội (01).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.security.portals[0].id=nghe-an-demo",
            "gandan.security.portals[0].province=40",
            "gandan.security.portals[0].key-sha256=9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90",
            "gandan.security.portals[1].id=ha-noi-test",
            "gandan.security.portals[1].province=01",
            "gandan.security.portals[1].key-sha256=5e64579942598108322e6d945ca76d0285b681d0a1f97bdc8a5aebd03203bc57"
        })
@ActiveProfiles("local")
@RealInfrastructure
class Open311IntegrationTests {

    static final String NGHE_AN_KEY = "demo-portal-key";
    static final String HA_NOI_KEY = "ha-noi-test-key";
    static final String V2 = "/open311/v2";

    static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    static KafkaProbe intakeTopic;

    @LocalServerPort
    int port;

    @Autowired
    Petitions petitions;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void readTopic() {
        intakeTopic = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intakeTopic.close();
    }

    // --- discovery and services: open to any client -------------------------------------------------------

    @Test
    void discoveryNamesTheEndpointAndItsFormats() throws Exception {
        Http.Response response = get(V2 + "/discovery.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode discovery = response.json();
        assertThat(discovery.get("changeset").asString()).isNotBlank();
        assertThat(discovery.get("contact").asString()).isNotBlank();
        assertThat(discovery.get("key_service").asString()).isNotBlank();
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).isEqualTo("http://127.0.0.1:" + port + V2);
        assertThat(endpoint.get("type").asString()).isEqualTo("production");
        assertThat(endpoint.get("formats").valueStream().map(JsonNode::asString))
                .containsExactly("text/xml", "application/json");

        Http.Response xml = get(V2 + "/discovery.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        Document document = xml(xml);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("discovery");
        Element endpointElement = only(document.getDocumentElement(), "endpoints", "endpoint");
        assertThat(text(endpointElement, "url")).isEqualTo("http://127.0.0.1:" + port + V2);
        assertThat(children(child(endpointElement, "formats"), "format")).hasSize(2);
    }

    @Test
    void listsOneServicePerCategoryInJson() {
        Http.Response response = get(V2 + "/services.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode services = response.json();
        assertThat(services.isArray()).isTrue();
        assertThat(services.size()).isEqualTo(Categories.ALL.size());
        JsonNode roads = service(services, "infrastructure.roads");
        assertThat(roads.get("service_name").asString()).isEqualTo("Đường giao thông");
        assertThat(roads.get("description").asString()).isEqualTo("Roads");
        assertThat(roads.get("metadata").asBoolean()).isTrue();
        assertThat(roads.get("type").asString()).isEqualTo("realtime");
        assertThat(roads.get("keywords").asString()).contains("Roads", "Đường giao thông");
        assertThat(roads.get("group").asString()).isEqualTo("infrastructure");
        assertThat(service(services, "health").get("group").asString()).isEqualTo("health");
        assertThat(roads.propertyNames())
                .containsExactly(
                        "service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    }

    @Test
    void listsTheServicesInWellFormedXml() throws Exception {
        Http.Response response = get(V2 + "/services.xml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/xml;charset=UTF-8");
        assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document document = xml(response);
        assertThat(document.getXmlEncoding()).isEqualTo("UTF-8");
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        List<Element> services = children(root, "service");
        assertThat(services).hasSize(Categories.ALL.size());
        Element drainage = services.stream()
                .filter(s -> text(s, "service_code").equals("infrastructure.drainage"))
                .findFirst()
                .orElseThrow();
        assertThat(text(drainage, "service_name")).isEqualTo("Thoát nước");
        assertThat(text(drainage, "metadata")).isEqualTo("true");
        assertThat(text(drainage, "type")).isEqualTo("realtime");
        assertThat(text(drainage, "group")).isEqualTo("infrastructure");
    }

    @Test
    void definesTheKindChannelAndCategoryAttributesOfAService() throws Exception {
        Http.Response response = get(V2 + "/services/land.compensation.json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode definition = response.json();
        assertThat(definition.get("service_code").asString()).isEqualTo("land.compensation");
        JsonNode kind = definition.get("attributes").get(0);
        assertThat(kind.get("variable").asBoolean()).isTrue();
        assertThat(kind.get("code").asString()).isEqualTo("kind");
        assertThat(kind.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(kind.get("required").asBoolean()).isTrue();
        assertThat(kind.get("order").asInt()).isEqualTo(1);
        assertThat(kind.get("values").valueStream().map(v -> v.get("key").asString()))
                .containsExactly("recommendation", "complaint", "denunciation");
        JsonNode channel = definition.get("attributes").get(1);
        assertThat(channel.get("code").asString()).isEqualTo("channel");
        assertThat(channel.get("required").asBoolean()).isFalse();
        JsonNode project = definition.get("attributes").get(2);
        assertThat(project.get("code").asString()).isEqualTo("projectName");
        assertThat(project.get("datatype").asString()).isEqualTo("string");
        assertThat(project.get("required").asBoolean()).isTrue();
        assertThat(project.get("order").asInt()).isEqualTo(3);
        assertThat(definition.get("attributes").get(5).get("datatype").asString())
                .isEqualTo("datetime");

        Document document = xml(get(V2 + "/services/land.compensation.xml"));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(text(root, "service_code")).isEqualTo("land.compensation");
        List<Element> attributes = children(child(root, "attributes"), "attribute");
        assertThat(attributes).hasSize(7);
        assertThat(children(child(attributes.get(0), "values"), "value")).hasSize(3);
        assertThat(text(children(child(attributes.get(0), "values"), "value").get(1), "key"))
                .isEqualTo("complaint");
        // A null is an empty element, as in the spec's examples.
        assertThat(child(attributes.get(0), "datatype_description").getTextContent())
                .isEmpty();
    }

    @Test
    void anUnknownServiceIsA404ErrorList() throws Exception {
        Http.Response response = get(V2 + "/services/potholes.json");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(response.json().get(0).get("description").asString()).contains("potholes");

        Http.Response xml = get(V2 + "/services/potholes.xml");
        assertThat(xml.status()).isEqualTo(404);
        Element error = only(xml(xml).getDocumentElement(), null, "error");
        assertThat(xml(xml).getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(text(error, "code")).isEqualTo("404");
    }

    // --- service requests -------------------------------------------------------------------------------

    @Test
    void aFormEncodedRequestWithAnApiKeyBecomesAPetition() throws Exception {
        String description = "Ống cống trên đường Lê Lợi bị vỡ, nước thải tràn ra mặt đường từ ba ngày nay. "
                + "Xin cơ quan chức năng kiểm tra và sửa chữa sớm.";
        // The spec's example request, field for field, with our service and attributes.
        Http.Response response = postForm(
                V2 + "/requests.json",
                form(
                        "api_key", NGHE_AN_KEY,
                        "jurisdiction_id", "nghean.gov.vn",
                        "service_code", "infrastructure.drainage",
                        "lat", "18.6734",
                        "long", "105.6922",
                        "address_string", "Đường Lê Lợi, Phường Vinh Phú, Nghệ An",
                        "email", "an.nguyen@example.vn",
                        "device_id", "tt222111",
                        "account_id", "123456",
                        "first_name", "Văn An",
                        "last_name", "Nguyễn",
                        "phone", "0912345678",
                        "description", description,
                        "media_url", "https://example.vn/anh/cong-vo.jpg",
                        "attribute[kind]", "recommendation",
                        "attribute[channel]", "portal"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode created = response.json();
        assertThat(created.isArray()).isTrue();
        assertThat(created.size()).isEqualTo(1);
        String id = created.get(0).get("service_request_id").asString();
        assertThat(created.get(0).get("service_notice").asString()).matches(".*40-[0-9A-Z]{8}.*");
        assertThat(created.get(0).has("account_id")).isTrue();
        assertThat(created.get(0).get("account_id").isNull()).isTrue();
        assertThat(created.get(0).has("token")).isFalse();

        // The native API sees the same petition.
        JsonNode petition = Http.at(port)
                .withApiKey(NGHE_AN_KEY)
                .get("/api/v1/petitions/" + id)
                .json();
        assertThat(petition.get("category").asString()).isEqualTo("infrastructure.drainage");
        assertThat(petition.get("kind").asString()).isEqualTo("recommendation");
        assertThat(petition.get("channel").asString()).isEqualTo("portal");
        assertThat(petition.get("title").asString())
                .isEqualTo(description.substring(0, 120).strip());
        assertThat(petition.get("provinceCode").asString()).isEqualTo("40");
        assertThat(petition.get("status").asString()).isEqualTo("submitted");

        // Stored as the native API would store it: same portal identity, the citizen kept here.
        Petition stored = petitions.findById(id).orElseThrow();
        assertThat(stored.getPortalId()).isEqualTo("portal:nghe-an-demo");
        assertThat(stored.getCitizen().name()).isEqualTo("Nguyễn Văn An");
        assertThat(stored.getCitizen().email()).isEqualTo("an.nguyen@example.vn");
        assertThat(stored.getDescription()).isEqualTo(description);
        assertThat(stored.getAttachments())
                .containsExactly(new Petition.Attachment("https://example.vn/anh/cong-vo.jpg", null, null));
        assertThat(stored.getLocation().address()).isEqualTo("Đường Lê Lợi, Phường Vinh Phú, Nghệ An");
        assertThat(stored.getLocation().coordinates()).isEqualTo(new Petition.Coordinates(18.6734, 105.6922));

        var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("0912345678")
                .doesNotContain("an.nguyen@example.vn");
    }

    @Test
    void aRequestIsReadBackInJsonAndXml() throws Exception {
        String id = create(NGHE_AN_KEY, "infrastructure.lighting", "address_id", "17605");

        Http.Response response = get(V2 + "/requests/" + id + ".json?api_key=" + NGHE_AN_KEY);
        assertThat(response.status()).isEqualTo(200);
        JsonNode requests = response.json();
        assertThat(requests.isArray()).isTrue();
        assertThat(requests.size()).isEqualTo(1);
        JsonNode request = requests.get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("status_notes").asString()).contains("submitted");
        assertThat(request.get("service_code").asString()).isEqualTo("infrastructure.lighting");
        assertThat(request.get("service_name").asString()).isEqualTo("Chiếu sáng công cộng");
        assertThat(request.get("description").asString()).startsWith("Đèn đường");
        assertThat(request.get("requested_datetime").asString())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
        assertThat(request.get("updated_datetime").asString()).isNotBlank();
        assertThat(request.get("expected_datetime").isNull()).isTrue();
        assertThat(request.get("agency_responsible").isNull()).isTrue();
        assertThat(request.get("address").asString()).contains("Nghệ An");
        assertThat(request.get("address_id").asString()).isEqualTo("17605");
        assertThat(request.get("lat").isNull()).isTrue();
        assertThat(request.get("long").isNull()).isTrue();

        Http.Response xml = get(V2 + "/requests/" + id + ".xml?api_key=" + NGHE_AN_KEY);
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        Element root = xml(xml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element only = only(root, null, "request");
        assertThat(text(only, "service_request_id")).isEqualTo(id);
        assertThat(text(only, "status")).isEqualTo("open");
        assertThat(text(only, "service_code")).isEqualTo("infrastructure.lighting");
        assertThat(child(only, "expected_datetime").getTextContent()).isEmpty();
        assertThat(child(only, "long")).isNotNull();

        // The X-Api-Key header works as well as the spec's parameter.
        assertThat(Http.at(port)
                        .withApiKey(NGHE_AN_KEY)
                        .get(V2 + "/requests/" + id + ".json")
                        .status())
                .isEqualTo(200);

        // A token is the request's id: we create at once, but some clients ask.
        JsonNode token =
                get(V2 + "/tokens/" + id + ".json?api_key=" + NGHE_AN_KEY).json();
        assertThat(token.get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(token.get(0).get("token").asString()).isEqualTo(id);
    }

    @Test
    void aPostCanAskForXml() throws Exception {
        Http.Response response = postForm(
                V2 + "/requests.xml",
                form(
                        "api_key", NGHE_AN_KEY,
                        "service_code", "environment.waste",
                        "address_string", "Chợ Vinh, Nghệ An",
                        "description", "Rác tồn đọng ở cổng chợ.",
                        "attribute[kind]", "recommendation"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("text/xml");
        Element request = only(xml(response).getDocumentElement(), null, "request");
        assertThat(text(request, "service_request_id")).isNotBlank();
        assertThat(text(request, "service_notice")).contains("40-");
        assertThat(child(request, "account_id").getTextContent()).isEmpty();
    }

    @Test
    void requestsAreFilteredByIdsAndByStatus() {
        String first = create(NGHE_AN_KEY, "officials.conduct", "address_id", "17605");
        String second = create(NGHE_AN_KEY, "officials.conduct", "address_string", "Xã Hợp Minh, Nghệ An");
        String third = create(NGHE_AN_KEY, "officials.conduct", "lat", "18.9");
        // Routing closes petitions; here we close one the way its listener would.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(third)), new Update().set("status", "resolved"), Petition.class);

        JsonNode byIds = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY + "&service_request_id=" + first + ","
                        + second)
                .json();
        assertThat(ids(byIds)).containsExactlyInAnyOrder(first, second);

        JsonNode open = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY
                        + "&service_code=officials.conduct&status=open")
                .json();
        assertThat(ids(open)).contains(first, second).doesNotContain(third);

        JsonNode atPoint = get(V2 + "/requests/" + third + ".json?api_key=" + NGHE_AN_KEY)
                .json()
                .get(0);
        assertThat(atPoint.get("lat").asDouble()).isEqualTo(18.9);
        assertThat(atPoint.get("long").asDouble()).isEqualTo(105.6);
        open.forEach(r -> assertThat(r.get("status").asString()).isEqualTo("open"));

        JsonNode closed = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY
                        + "&service_code=officials.conduct&status=closed")
                .json();
        assertThat(ids(closed)).contains(third).doesNotContain(first, second);
        closed.forEach(r -> assertThat(r.get("status").asString()).isEqualTo("closed"));

        JsonNode both = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY
                        + "&service_code=officials.conduct&status=open,closed&start_date=2020-01-01T00:00:00Z")
                .json();
        // The window is 90 days from the start date: 2020 holds none of today's requests.
        assertThat(ids(both)).doesNotContain(first, second, third);

        JsonNode recent = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY).json();
        assertThat(ids(recent)).contains(first, second, third);
        assertThat(recent.get(0).get("requested_datetime").asString())
                .isGreaterThanOrEqualTo(
                        recent.get(recent.size() - 1).get("requested_datetime").asString());
    }

    // --- errors -------------------------------------------------------------------------------------------

    @Test
    void badFieldsAreA400ErrorListNamingEachOne() {
        Http.Response response = postForm(
                V2 + "/requests.json",
                form(
                        "api_key", NGHE_AN_KEY,
                        "service_code", "infrastructure.roads",
                        "lat", "118.7",
                        "long", "east",
                        "description", "x".repeat(4_001)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode errors = response.json();
        assertThat(errors.valueStream().map(e -> e.get("code").asInt())).containsOnly(400);
        assertThat(errors.valueStream().map(e -> e.get("description").asString()))
                .anySatisfy(d -> assertThat(d).startsWith("lat "))
                .anySatisfy(d -> assertThat(d).startsWith("long "))
                .anySatisfy(d -> assertThat(d).contains("4,000"))
                .anySatisfy(d -> assertThat(d).contains("attribute[kind]"));

        Http.Response noLocation = postForm(
                V2 + "/requests.json",
                form(
                        "api_key", NGHE_AN_KEY,
                        "service_code", "infrastructure.roads",
                        "description", "Ổ gà",
                        "attribute[kind]", "recommendation"));
        assertThat(noLocation.status()).isEqualTo(400);
        assertThat(noLocation.json().get(0).get("description").asString()).contains("location");

        Http.Response missingFact = postForm(
                V2 + "/requests.json",
                form(
                        "api_key", NGHE_AN_KEY,
                        "service_code", "land.compensation",
                        "address_id", "17605",
                        "description", "Chưa được bồi thường",
                        "attribute[kind]", "recommendation"));
        assertThat(missingFact.status()).isEqualTo(400);
        assertThat(missingFact.json().get(0).get("description").asString()).startsWith("attribute[projectName] ");

        Http.Response otherProvince = postForm(
                V2 + "/requests.json",
                form(
                        "api_key", NGHE_AN_KEY,
                        "service_code", "infrastructure.roads",
                        "address_id", "00004",
                        "description", "Ổ gà",
                        "attribute[kind]", "recommendation"));
        assertThat(otherProvince.status()).isEqualTo(400);
        assertThat(otherProvince.json().get(0).get("description").asString()).startsWith("address_id ");

        Http.Response noServiceCode =
                postForm(V2 + "/requests.json", form("api_key", NGHE_AN_KEY, "address_id", "17605"));
        assertThat(noServiceCode.status()).isEqualTo(400);
        assertThat(noServiceCode.json().get(0).get("description").asString()).contains("service_code");
    }

    @Test
    void anUnknownServiceCodeIsRefusedAsTheSpecSays() throws Exception {
        // GeoReport v2, POST Service Request, possible errors: "404 - service_code ... was not found".
        Http.Response response = postForm(
                V2 + "/requests.json",
                form(
                        "api_key", NGHE_AN_KEY,
                        "service_code", "001",
                        "address_string", "Vinh",
                        "description", "Ổ gà",
                        "attribute[kind]", "recommendation"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(response.json().get(0).get("description").asString()).contains("service_code", "001");

        Http.Response xml = postForm(V2 + "/requests.xml", form("api_key", NGHE_AN_KEY, "service_code", "001"));
        Document document = xml(xml);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(text(only(document.getDocumentElement(), null, "error"), "description"))
                .contains("service_code");
    }

    @Test
    void aMissingOrWrongApiKeyIsA403ErrorList() throws Exception {
        String body = form(
                "service_code", "infrastructure.roads",
                "address_string", "Vinh",
                "description", "Ổ gà",
                "attribute[kind]", "recommendation");

        // GeoReport v2, Errors: "403 - Missing or Invalid API Key".
        Http.Response missing = postForm(V2 + "/requests.json", body);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.contentType()).startsWith("application/json");
        assertThat(missing.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(missing.json().get(0).get("description").asString()).contains("api_key");

        Http.Response wrong = postForm(V2 + "/requests.xml", "api_key=not-the-key&" + body);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.contentType()).startsWith("text/xml");
        assertThat(text(only(xml(wrong).getDocumentElement(), null, "error"), "description"))
                .contains("api_key");

        assertThat(get(V2 + "/requests.json").status()).isEqualTo(403);
        assertThat(get(V2 + "/requests.json?api_key=not-the-key").status()).isEqualTo(403);

        // The native API keeps its own problem documents.
        Http.Response nativeCall = Http.at(port).get("/api/v1/petitions/" + UUID.randomUUID());
        assertThat(nativeCall.status()).isEqualTo(401);
        assertThat(nativeCall.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anotherProvincesRequestIsNotFound() {
        String hanoi = create(HA_NOI_KEY, "public_order", "address_id", "00004");
        assertThat(get(V2 + "/requests/" + hanoi + ".json?api_key=" + HA_NOI_KEY)
                        .status())
                .isEqualTo(200);

        Http.Response response = get(V2 + "/requests/" + hanoi + ".json?api_key=" + NGHE_AN_KEY);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(get(V2 + "/tokens/" + hanoi + ".json?api_key=" + NGHE_AN_KEY).status())
                .isEqualTo(404);
        assertThat(ids(get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY + "&service_request_id=" + hanoi)
                        .json()))
                .isEmpty();
        assertThat(ids(get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY + "&service_code=public_order")
                        .json()))
                .doesNotContain(hanoi);
    }

    @Test
    void badQueriesAndUnknownResourcesAreErrorLists() {
        Http.Response status = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY + "&status=pending");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get(0).get("description").asString()).contains("status");

        Http.Response span = get(V2 + "/requests.json?api_key=" + NGHE_AN_KEY
                + "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        assertThat(span.status()).isEqualTo(400);
        assertThat(span.json().get(0).get("description").asString()).contains("90 days");

        // Only the spec's open reads are open: anything else, unknown paths included, needs a key first.
        assertThat(get(V2 + "/services.csv").status()).isEqualTo(403);
        Http.Response unknown = get(V2 + "/services.csv?api_key=" + NGHE_AN_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get(0).get("code").asInt()).isEqualTo(404);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** Files a request with the given location fields and returns its id. */
    String create(String key, String serviceCode, String locationField, String locationValue) {
        List<String> fields = new ArrayList<>(List.of(
                "api_key",
                key,
                "service_code",
                serviceCode,
                "description",
                "Đèn đường không sáng, " + UUID.randomUUID(),
                "attribute[kind]",
                "complaint",
                // A complaint names the complainant and how to answer (Law on Complaints, art. 8).
                "first_name",
                "Văn An",
                "last_name",
                "Nguyễn",
                "phone",
                "0912345678",
                locationField,
                locationValue));
        if (serviceCode.equals("officials.conduct")) {
            fields.addAll(List.of("attribute[subjectAuthority]", "Ủy ban nhân dân Xã Hợp Minh"));
        }
        if (locationField.equals("lat")) {
            fields.addAll(List.of("long", "105.6"));
        }
        Http.Response response = postForm(V2 + "/requests.json", form(fields.toArray(String[]::new)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get(0).get("service_request_id").asString();
    }

    Http.Response get(String path) {
        return Http.at(port).get(path);
    }

    /** As the spec's example: form-encoded, UTF-8, brackets of {@code attribute[code]} left as they are. */
    Http.Response postForm(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static JsonNode service(JsonNode services, String code) {
        return services.valueStream()
                .filter(s -> s.get("service_code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }

    static List<String> ids(JsonNode requests) {
        return requests.valueStream()
                .map(r -> r.get("service_request_id").asString())
                .toList();
    }

    static Document xml(Http.Response response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                assertThat(element.getTagName()).isEqualTo(name);
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    /** The single {@code item} of the list {@code list} (or of {@code parent} itself when list is null). */
    static Element only(Element parent, String list, String item) {
        List<Element> items = children(list == null ? parent : child(parent, list), item);
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
