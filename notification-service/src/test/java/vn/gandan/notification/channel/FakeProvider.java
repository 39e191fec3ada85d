package vn.gandan.notification.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real HTTP provider on 127.0.0.1 (the JDK's server, a free port) that answers from a script: queued answers
 * first, then a default one. It records every request it gets, and can hang (until closed, at most 10 s) to play a
 * slow provider.
 */
public final class FakeProvider implements AutoCloseable {

    /** One scripted answer; {@code hang} holds the response back. */
    public record Answer(int status, String body, Map<String, String> headers, boolean hang) {

        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), false);
        }

        public static Answer status(int status) {
            return of(status, "");
        }

        public static Answer slow() {
            return new Answer(200, "{}", Map.of(), true);
        }

        public Answer withHeader(String name, String value) {
            var all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, body, Map.copyOf(all), hang);
        }
    }

    /** A request as received; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Answer fallback = Answer.of(200, "{}");

    public FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers these first, in order. */
    public synchronized FakeProvider thenAnswer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Answers this once the script is used up. */
    public FakeProvider byDefault(Answer answer) {
        fallback = answer;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized Answer next() {
        return script.isEmpty() ? fallback : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue())));
            received.add(new Received(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(headers), body));
            Answer answer = next();
            if (answer.hang()) {
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException ignored) {
            // The client gave up waiting (a slow-provider test): nothing to answer to.
        }
    }

    /** Lets hanging answers go. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
