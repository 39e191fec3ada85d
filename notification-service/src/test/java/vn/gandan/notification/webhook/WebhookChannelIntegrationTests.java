package vn.gandan.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The channel against a real HTTP server on loopback (the local profile allows http and loopback), which records
 * every request and answers as each test scripts it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.notification.webhooks.max-per-portal=50",
            "gandan.notification.webhooks.read-timeout=300ms",
            "gandan.notification.webhooks.retry.max-attempts=3",
            "gandan.notification.webhooks.retry.initial-backoff=10ms",
            "gandan.notification.webhooks.retry.max-backoff=40ms",
            "gandan.notification.webhooks.breaker.sliding-window=3",
            "gandan.notification.webhooks.breaker.minimum-calls=3",
            "gandan.notification.webhooks.breaker.open-wait=10m"
        })
@ActiveProfiles("local")
@RealInfrastructure
class WebhookChannelIntegrationTests {

    static final String SECRET = "the-portal-s-own-secret";
    static final String TYPE = "vn.gandan.routing.petition-routed.v1";
    static final String SOURCE = "/gandan/routing";
    static final String TIME = "2026-11-02T03:04:05Z";

    static HttpServer portal;
    static ExecutorService portalThreads;
    /** Scripted statuses by path, answered in order; once used up, the last one again. */
    static final Map<String, Deque<Integer>> script = new ConcurrentHashMap<>();

    static final List<Received> received = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch slowRelease = new CountDownLatch(1);

    record Received(String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WebhookChannel channel;

    @Autowired
    List<DeliveryChannel> channels;

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void startPortal() throws IOException {
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        portalThreads = Executors.newFixedThreadPool(8);
        portal.setExecutor(portalThreads);
        portal.createContext("/", WebhookChannelIntegrationTests::answer);
        portal.start();
    }

    @AfterAll
    static void stopPortal() {
        slowRelease.countDown();
        portal.stop(0);
        portalThreads.shutdownNow();
    }

    @BeforeEach
    void clean() {
        mongo.remove(new Query(), StoredSubscription.COLLECTION);
        received.clear();
        script.clear();
    }

    static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            Deque<Integer> statuses = script.getOrDefault(path, new ArrayDeque<>(List.of(200)));
            int status;
            synchronized (statuses) {
                status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
            }
            if (status == 0) {
                // Slow: answers only after the test is over, long past the read timeout.
                try {
                    slowRelease.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Test
    void isTheDeliveryChannelNamedWebhook() {
        assertThat(channels).filteredOn(c -> c.name().equals("webhook")).containsExactly(channel);
    }

    @Test
    void postsTheCloudEventInBinaryModeSignedWithTheSecret() throws Exception {
        String subscription = subscribe("/events");
        OutgoingMessage message = message(subscription, "{\"petitionId\":\"p-1\",\"tên\":\"Nghệ An\"}");

        assertThat(channel.send(message)).isEqualTo(1);

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.path()).isEqualTo("/events");
        assertThat(request.header("ce-specversion")).isEqualTo("1.0");
        assertThat(request.header("ce-id")).isEqualTo(message.event().id());
        assertThat(request.header("ce-type")).isEqualTo(TYPE);
        assertThat(request.header("ce-source")).isEqualTo(SOURCE);
        assertThat(request.header("ce-subject")).isEqualTo("petition/p-1");
        assertThat(request.header("ce-time")).isEqualTo(TIME);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo(message.deliveryId());
        assertThat(request.body()).isEqualTo(message.event().data());
        assertSignedBySecret(request);
        assertThat(request.headers().toString()).doesNotContain(SECRET);
    }

    @Test
    void aServerErrorThenSuccessIsSentOnTheSecondAttemptWithTheSameKey() throws Exception {
        String subscription = subscribe("/flaky");
        script.put("/flaky", new ArrayDeque<>(List.of(500, 200)));
        OutgoingMessage message = message(subscription, "{\"n\":2}");

        assertThat(channel.send(message)).isEqualTo(2);

        assertThat(received).hasSize(2);
        assertThat(received).extracting(r -> r.header("Idempotency-Key")).containsOnly(message.deliveryId());
        assertThat(received)
                .extracting(r -> r.header("ce-id"))
                .containsOnly(message.event().id());
        for (Received request : received) {
            assertSignedBySecret(request);
        }
    }

    @Test
    void aPortalThatKeepsFailingFailsThenIsDeferredWhileOthersStillReceive() throws Exception {
        String down = subscribe("/down");
        String healthy = subscribe("/healthy");
        script.put("/down", new ArrayDeque<>(List.of(500)));

        DeliveryFailure failed =
                catchThrowableOfType(DeliveryFailure.class, () -> channel.send(message(down, "{\"n\":1}")));
        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.reason()).contains("500").doesNotContain("127.0.0.1").doesNotContain(SECRET);
        assertThat(received).hasSize(3);

        DeliveryFailure deferred =
                catchThrowableOfType(DeliveryFailure.class, () -> channel.send(message(down, "{\"n\":2}")));
        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(received).as("no call while the circuit is open").hasSize(3);

        assertThat(channel.send(message(healthy, "{\"n\":3}"))).isEqualTo(1);
        assertThat(received).hasSize(4);
        assertThat(received.get(3).path()).isEqualTo("/healthy");
    }

    @Test
    void goneDeactivatesTheSubscriptionAndFailsAtOnce() throws Exception {
        String subscription = subscribe("/gone");
        script.put("/gone", new ArrayDeque<>(List.of(410)));

        DeliveryFailure gone =
                catchThrowableOfType(DeliveryFailure.class, () -> channel.send(message(subscription, "{}")));
        assertThat(gone.isDeferred()).isFalse();
        assertThat(gone.attempts()).isEqualTo(1);
        assertThat(subscriptions.find(subscription))
                .hasValueSatisfying(s -> assertThat(s.active()).isFalse());
        assertThat(subscriptions.activeFor("40")).isEmpty();

        DeliveryFailure inactive =
                catchThrowableOfType(DeliveryFailure.class, () -> channel.send(message(subscription, "{}")));
        assertThat(inactive.isDeferred()).isFalse();
        assertThat(inactive.attempts()).isZero();
        assertThat(received).hasSize(1);
    }

    @Test
    void otherClientErrorsAreRefusedWithoutRetrying() throws Exception {
        String subscription = subscribe("/bad");
        script.put("/bad", new ArrayDeque<>(List.of(400)));

        DeliveryFailure refused =
                catchThrowableOfType(DeliveryFailure.class, () -> channel.send(message(subscription, "{}")));
        assertThat(refused.isDeferred()).isFalse();
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.reason()).contains("400");
        assertThat(subscriptions.find(subscription))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
    }

    @Test
    void aSlowPortalIsATransientFailureRetriedUntilTheLastAttempt() throws Exception {
        String subscription = subscribe("/slow");
        script.put("/slow", new ArrayDeque<>(List.of(0)));

        DeliveryFailure failed =
                catchThrowableOfType(DeliveryFailure.class, () -> channel.send(message(subscription, "{}")));

        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.reason()).contains("timed out");
        assertThat(received).hasSize(3);
    }

    @Test
    void aMissingSubscriptionFailsAtOnce() {
        DeliveryFailure missing = catchThrowableOfType(
                DeliveryFailure.class,
                () -> channel.send(message(UUID.randomUUID().toString(), "{}")));
        assertThat(missing.isDeferred()).isFalse();
        assertThat(missing.attempts()).isZero();
        assertThat(received).isEmpty();
    }

    private String subscribe(String path) {
        String url = "http://127.0.0.1:" + portal.getAddress().getPort() + path;
        Http.Response created = Http.at(port)
                .withApiKey("demo-portal-key")
                .post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static OutgoingMessage message(String subscription, String json) {
        return new OutgoingMessage(
                UUID.randomUUID().toString(),
                "webhook",
                subscription,
                null,
                null,
                null,
                null,
                null,
                new OutgoingMessage.CloudEventPayload(
                        UUID.randomUUID().toString(),
                        TYPE,
                        SOURCE,
                        "petition/p-1",
                        TIME,
                        json.getBytes(StandardCharsets.UTF_8)));
    }

    /** As a portal verifies: the HMAC recomputed here, apart from the production code, and the timestamp fresh. */
    private static void assertSignedBySecret(Received request) throws Exception {
        String timestamp = request.header("X-Gandan-Timestamp");
        assertThat(Long.parseLong(timestamp))
                .as("within the documented five minutes")
                .isBetween(
                        Instant.now().minus(Duration.ofMinutes(5)).getEpochSecond(),
                        Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        assertThat(request.header("X-Gandan-Signature")).isEqualTo(expected);
    }
}
