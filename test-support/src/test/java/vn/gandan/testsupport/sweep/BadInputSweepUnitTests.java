package vn.gandan.testsupport.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep against a tiny server of the JDK's that answers proper problems except where it is told not to: it
 * must find the 500, the HTML page and the accepted request, and read operations from an OpenAPI document.
 */
class BadInputSweepUnitTests {

    static final String OPENAPI = """
            {"openapi":"3.1.0","paths":{
              "/things/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,
                 "schema":{"type":"string"}}]}},
              "/things":{"post":{"requestBody":{"content":{"application/json":{"schema":
                 {"$ref":"#/components/schemas/Thing"}}}}},
                         "get":{"parameters":[{"name":"from","in":"query","schema":{"type":"string","format":"date"}},
                                              {"name":"to","in":"query","schema":{"type":"string","format":"date"}},
                                              {"name":"size","in":"query","schema":{"type":"integer"}}]}}},
             "components":{"schemas":{"Thing":{"type":"object","properties":{
               "name":{"type":"string"},"count":{"type":"integer"},
               "tags":{"type":"array","items":{"type":"string"}},
               "place":{"$ref":"#/components/schemas/Place"}}},
               "Place":{"type":"object","properties":{"code":{"type":"string"}}}}}}
            """;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/api-docs", exchange -> answer(exchange, 200, "application/json", OPENAPI));
        server.createContext("/things", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            if (text.contains("$where")) {
                answer(exchange, 500, "application/json", "{\"error\":\"boom\"}");
            } else if (path.endsWith("/..")) {
                answer(exchange, 400, "text/html", "<html>Bad Request</html>");
            } else if (text.contains("\"count\":-1")) {
                answer(exchange, 201, "application/json", "{}");
            } else {
                answer(exchange, 400, "application/problem+json", "{\"status\":400,\"title\":\"Bad Request\"}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsOperationsAndExamplesFromOpenApi() {
        List<Operation> operations = OpenApiOperations.read(OPENAPI);

        assertThat(operations)
                .extracting(Operation::toString)
                .containsExactlyInAnyOrder("GET /things/{id}", "POST /things", "GET /things");
        Operation post = operations.stream()
                .filter(o -> o.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(post.body().toString())
                .isEqualTo("{\"name\":\"x\",\"count\":1,\"tags\":[\"x\"],\"place\":{\"code\":\"x\"}}");
    }

    @Test
    void findsServerErrorsPagesThatAreNotProblemsAndAcceptedRequests() {
        SweepReport report = BadInputSweep.at(
                        "http://127.0.0.1:" + server.getAddress().getPort())
                .fromOpenApi()
                .hugeBody(false)
                .otherCallers(Credentials.none())
                .run();

        assertThat(report.sent()).isEqualTo(requests.get()).isGreaterThan(100);
        assertThat(report.serverErrors())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.probe().variant()).contains("$where"));
        assertThat(report.offenders()).anySatisfy(f -> {
            assertThat(f.problem()).contains("text/html");
            assertThat(f.probe().target()).isEqualTo("/things/..");
        });
        assertThat(report.offenders()).anySatisfy(f -> {
            assertThat(f.problem()).isEqualTo("status 201");
            assertThat(f.probe().variant()).isEqualTo("body.count=-1");
        });
        assertThat(report.describe()).contains("POST /things [body.count=-1]");
    }

    @Test
    void everyVariantSpoilsOneThing() {
        Operation list = OpenApiOperations.read(OPENAPI).stream()
                .filter(o -> o.toString().equals("GET /things"))
                .findFirst()
                .orElseThrow();
        List<Probe> probes = Variants.of(
                list, new Variants.Settings(List.of("01"), java.util.Set.of(), java.util.Set.of(), java.util.Map.of()));

        assertThat(probes)
                .extracting(Probe::target)
                .contains("/things?size=abc", "/things?from=2026-13-45", "/things?from=2026-12-31&to=2020-01-01");
        assertThat(probes).allSatisfy(p -> assertThat(p.body()).isNull());
    }

    @Test
    void freshValuesReplaceTheUniqueMarkKeepingEveryOtherByte() {
        byte[] body =
                ("{\"ref\":\"" + BadInputSweep.UNIQUE + "\",\"x\":\"\u00ff\"}").getBytes(StandardCharsets.ISO_8859_1);
        byte[] once = BadInputSweep.unique(body);
        byte[] twice = BadInputSweep.unique(body);

        assertThat(once).hasSameSizeAs(body).isNotEqualTo(twice);
        assertThat(new String(once, StandardCharsets.ISO_8859_1))
                .startsWith("{\"ref\":\"sweep-")
                .endsWith("\",\"x\":\"\u00ff\"}");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
