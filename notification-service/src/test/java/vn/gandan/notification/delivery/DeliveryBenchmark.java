package vn.gandan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gandan.events.PetitionId;
import vn.gandan.notification.channel.FakeProvider;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.testsupport.FreePorts;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * Deliveries per second through the SMTP channel (a real GreenMail server) and the webhook channel (a real HTTP
 * server), with the real store and broker: each delivery recorded, dispatched, sent and recorded again with its
 * event, as in production. Prints the figures and writes {@code docs/benchmarks/notification-deliveries-<date>.md};
 * asserts only that everything arrived. Not part of the build:
 * {@code ./mvnw -B -pl notification-service test -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code BENCH_DELIVERIES}, default 2000 per channel).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.notification.dispatch.poll-interval=20ms",
            "gandan.notification.dispatch.batch-size=500",
            // The channel's capacity, not its production rate limit (20 per second by default), is measured.
            "gandan.notification.channels.email.resilience.rate-limiter.permits-per-period=100000",
            "logging.level.vn.gandan=warn",
            "logging.level.com.icegreen=warn",
            "logging.level.org.springframework.kafka=warn"
        })
@ActiveProfiles("local")
@RealInfrastructure
class DeliveryBenchmark {

    static final int N = Integer.getInteger("BENCH_DELIVERIES", intEnv("BENCH_DELIVERIES", 2000));
    static final GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.pick(), "127.0.0.1", "smtp"));

    static {
        // The JDK's HTTP server otherwise answers each request some 40 ms late (Nagle's algorithm against delayed
        // acknowledgements): that would be measured instead of gandan.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final FakeProvider portal = new FakeProvider();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @BeforeAll
    static void start() {
        smtp.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        portal.close();
    }

    @Autowired
    DeliveryRecorder recorder;

    @Autowired
    DeliveryDispatcher dispatcher;

    @Autowired
    PetitionFactsStore facts;

    @Autowired
    Deliveries deliveries;

    @LocalServerPort
    int port;

    record Phase(String channel, int deliveries, Duration recording, Duration untilAllArrived) {
        double perSecond() {
            return deliveries / (untilAllArrived.toNanos() / 1e9);
        }
    }

    @Test
    void deliveriesPerSecondThroughSmtpAndWebhooks() throws IOException {
        Phase email = run(
                "email",
                i -> intent("email", "bench-" + i + "@thu-nghiem.gandan.vn", null),
                () -> smtp.getReceivedMessages().length);

        var created = Http.at(port)
                .withApiKey("demo-portal-key")
                .post(
                        "/api/v1/webhooks",
                        "{\"url\":\"" + portal.uri("/events") + "\",\"secret\":\"bench-secret-0123456789\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String subscription = created.json().get("id").asString();
        Phase webhook = run("webhook", i -> intent("webhook", subscription, cloudEvent(i)), () -> portal.received()
                .size());

        String report = report(List.of(email, webhook));
        System.out.println(report);
        Path out = Path.of("..", "docs", "benchmarks", "notification-deliveries-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertThat(email.deliveries()).isEqualTo(N);
        assertThat(webhook.deliveries()).isEqualTo(N);
    }

    private Phase run(
            String channel, java.util.function.IntFunction<Intent> make, java.util.function.IntSupplier arrived) {
        int before = arrived.getAsInt();
        List<Intent> intents = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Intent intent = make.apply(i);
            intents.add(intent);
            // As intake's PetitionSubmitted would have left them: what messages quote.
            facts.save(new PetitionFacts(intent.petitionId(), "40-B" + i, "Ngã tư ngập", "40"));
        }
        long start = System.nanoTime();
        for (int from = 0; from < N; from += 100) {
            recorder.record(intents.subList(from, Math.min(N, from + 100)));
            dispatcher.wakeUp();
        }
        Duration recording = Duration.ofNanos(System.nanoTime() - start);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                .conditionEvaluationListener(c -> {
                    if (!c.isSatisfied() && c.getElapsedTimeInMS() % 10_000 < 60) {
                        System.out.println(channel + ": " + (arrived.getAsInt() - before) + " of " + N + " arrived; "
                                + deliveries.count() + " deliveries recorded");
                    }
                })
                .until(() -> arrived.getAsInt() - before >= N);
        return new Phase(channel, N, recording, Duration.ofNanos(System.nanoTime() - start));
    }

    /** A nudge to one office each (so neither digest nor daily cap merges or holds any). */
    private static Intent intent(String channel, String address, OutgoingMessage.CloudEventPayload event) {
        String petitionId = PetitionId.random().toString();
        return new Intent(
                petitionId,
                "40",
                UUID.randomUUID().toString(),
                "routed",
                channel.equals("email") ? "new_case" : "status_change",
                channel.equals("email") ? "responder" : "portal",
                channel + ":" + address,
                channel,
                address,
                null,
                null,
                Locale.forLanguageTag("vi"),
                channel.equals("email") ? "new_case" : null,
                Map.of(
                        "authority", "Ủy ban nhân dân Xã Hợp Minh",
                        "dueDate", "16/12/2026",
                        "step", "reply",
                        "trackingCode", "40-BENCH",
                        "title", "Ngã tư ngập"),
                event,
                false,
                true);
    }

    private static OutgoingMessage.CloudEventPayload cloudEvent(int i) {
        String id = UUID.randomUUID().toString();
        String body = "{\"eventId\":\"" + id + "\",\"n\":" + i + ",\"text\":\"" + "x".repeat(700) + "\"}";
        return new OutgoingMessage.CloudEventPayload(
                id,
                "vn.gandan.petition.routed.v1",
                "/gandan/routing",
                UUID.randomUUID().toString(),
                Instant.now().toString(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String report(List<Phase> phases) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        StringBuilder rows = new StringBuilder();
        for (Phase p : phases) {
            rows.append("| ")
                    .append(p.channel())
                    .append(" | ")
                    .append(p.deliveries())
                    .append(" | ")
                    .append(p.recording().toMillis())
                    .append(" ms | ")
                    .append(p.untilAllArrived().toMillis())
                    .append(" ms | ")
                    .append(String.format(Locale.ROOT, "%,.0f", p.perSecond()))
                    .append(" |\n");
        }
        return """
                # Notification deliveries per second (%s)

                `DeliveryBenchmark` (notification-service, test scope): the service in one JVM on the test
                infrastructure (in-process Kafka broker, mongo-java-server in memory), a real SMTP server
                (GreenMail, same JVM) and a real HTTP server for the portal (loopback). Each delivery is recorded
                (delivery document and queue entry), taken by the dispatcher with a lease, worded from its
                template, sent through the channel's resilience (retry, circuit breaker, rate limiter, bulkhead;
                the webhook signed with HMAC-SHA256) and recorded as sent with its `NotificationSent` in the
                outbox, which the relay publishes. One instance: its dispatcher sends with
                `gandan.notification.dispatch.workers` (8) at once.

                ```
                ./mvnw -B -pl notification-service test -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
                ```

                | | |
                |---|---|
                | Machine | %s, %d cores |
                | JDK | %s %s |
                | Deliveries per channel | %d (one recipient each: no digest, no cap) |

                | Channel | Deliveries | Recording them | Until the last arrived | Deliveries/s |
                |---|---|---|---|---|
                %s
                The e-mail channel's rate limiter is raised for the run so that the channel's capacity is measured;
                in production its default (`resilience.rate-limiter.permits-per-period`, 20 per second) keeps the
                service within what an SMTP relay accepts, and deliveries beyond it wait for the next second.
                """.formatted(
                        LocalDate.now(),
                        os.getArch(),
                        os.getAvailableProcessors(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.version"),
                        N,
                        rows);
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
