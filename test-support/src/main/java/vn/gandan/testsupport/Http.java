package vn.gandan.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests, speaking JSON. Immutable; each {@code with…} returns a new one. */
public final class Http {

    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String baseUrl;
    private final Map<String, String> headers;

    private Http(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public static Http at(String baseUrl) {
        return new Http(baseUrl, Map.of());
    }

    public static Http at(int port) {
        return at("http://127.0.0.1:" + port);
    }

    public Http withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(baseUrl, more);
    }

    public Http withApiKey(String key) {
        return withHeader("X-Api-Key", key);
    }

    public Http withBasic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "Basic " + token);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response; {@link #json()} parses the body. */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return json.readTree(body);
        }
    }
}
