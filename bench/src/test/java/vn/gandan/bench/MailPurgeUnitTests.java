package vn.gandan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail server is emptied with GreenMail's purge call, on a real HTTP server; a refusal is said once. */
class MailPurgeUnitTests {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(said, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private MailPurge purge() {
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new MailPurge(HttpClient.newHttpClient(), api, progress);
    }

    @Test
    void postsGreenMailsPurgeCall() {
        try (MailPurge purge = purge()) {
            assertThat(purge.purgeOnce()).isTrue();
        }
        assertThat(calls).containsExactly("POST /api/mail/purge");
        assertThat(said.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRefusalIsSaidOnceAndTheRunGoesOn() {
        status.set(500);
        try (MailPurge purge = purge()) {
            assertThat(purge.purgeOnce()).isFalse();
            assertThat(purge.purgeOnce()).isFalse();
        }
        assertThat(calls).hasSize(2);
        assertThat(said.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .contains("/api/mail/purge")
                .contains("answered 500");
    }
}
