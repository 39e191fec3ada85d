package vn.gandan.support.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The {@code WWW-Authenticate} header of an answer, which {@code Http} does not expose. */
final class Challenges {

    private static final HttpClient client = HttpClient.newHttpClient();

    private Challenges() {}

    static String of(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("WWW-Authenticate")
                    .orElse("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
