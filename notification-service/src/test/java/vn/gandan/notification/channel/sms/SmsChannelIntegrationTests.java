package vn.gandan.notification.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.notification.channel.CapturedLogs;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.FakeProvider;
import vn.gandan.notification.channel.FakeProvider.Answer;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.channel.ProviderResilience;
import vn.gandan.notification.channel.ResilienceRegistries;
import vn.gandan.notification.channel.ResilienceSettings;
import vn.gandan.notification.channel.TestResilience;

/** The SMS channel against a real HTTP server on loopback that answers as the test scripts it. */
class SmsChannelIntegrationTests {

    static final String TOKEN = "sms-secret-token-4711";
    static final String PHONE = "+84912345678";
    static final String TEXT = "Kiến nghị NA-2026-000123 đã được chuyển đến UBND xã Hợp Minh.";

    FakeProvider gateway;
    CapturedLogs logs;
    SimpleMeterRegistry meters;
    ProviderResilience resilience;

    @BeforeEach
    void start() {
        gateway = new FakeProvider();
        logs = new CapturedLogs();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        gateway.close();
        logs.close();
        // Nothing this channel wrote gives away the recipient or the token.
        assertThat(logs.lines()).noneMatch(line -> line.contains(PHONE) || line.contains("912345678"));
        assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
    }

    SmsChannel channel(ResilienceSettings policy, Duration readTimeout) {
        return channel(gateway.uri("/v1/messages"), policy, readTimeout);
    }

    SmsChannel channel(URI url, ResilienceSettings policy, Duration readTimeout) {
        var settings = new SmsSettings(url, TOKEN, Duration.ofSeconds(1), readTimeout, policy);
        resilience = ProviderResilience.create("sms", settings.resilience(), ResilienceRegistries.boundTo(meters));
        return new SmsChannel(settings, resilience);
    }

    static OutgoingMessage message(String deliveryId) {
        return new OutgoingMessage(
                deliveryId, "sms", PHONE, null, TEXT, Locale.forLanguageTag("vi"), null, Map.of(), null);
    }

    static void assertClean(DeliveryFailure failure) {
        assertThat(failure.reason()).doesNotContain(PHONE, "912345678", TOKEN);
    }

    @Test
    void postsTheMessageWithTokenAndIdempotencyKey() {
        int attempts = channel(TestResilience.retries(3), Duration.ofSeconds(2)).send(message("d-1"));

        assertThat(attempts).isEqualTo(1);
        assertThat(gateway.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/messages");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.header("Idempotency-Key")).isEqualTo("d-1");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(JsonMapper.shared().readValue(request.body(), Map.class))
                    .isEqualTo(Map.of("to", PHONE, "text", TEXT));
        });
        assertThat(TestResilience.attempts(meters, "sms", "success")).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsWithTheSameIdempotencyKey() {
        gateway.thenAnswer(Answer.status(500), Answer.status(503));

        int attempts = channel(TestResilience.retries(4), Duration.ofSeconds(2)).send(message("d-2"));

        assertThat(attempts).isEqualTo(3);
        assertThat(gateway.received()).hasSize(3).allSatisfy(request -> {
            assertThat(request.header("Idempotency-Key")).isEqualTo("d-2");
            assertThat(request.body()).contains(TEXT);
        });
        assertThat(TestResilience.attempts(meters, "sms", "retry")).isEqualTo(2);
        assertThat(TestResilience.attempts(meters, "sms", "success")).isEqualTo(1);
    }

    @Test
    void persistentErrorsFailThenOpenTheCircuitWhichClosesOnceTheGatewayRecovers() throws Exception {
        gateway.byDefault(Answer.status(500));
        var sms = channel(TestResilience.policy(3, 3, Duration.ofMillis(300)), Duration.ofSeconds(2));

        var failed = catchThrowableOfType(DeliveryFailure.class, () -> sms.send(message("d-3")));
        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.reason()).contains("HTTP 500");
        assertClean(failed);
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        var deferred = catchThrowableOfType(DeliveryFailure.class, () -> sms.send(message("d-4")));
        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(gateway.received()).hasSize(3); // the open circuit did not call the gateway

        gateway.byDefault(Answer.of(200, "{}"));
        assertThat(TestResilience.sendOnceAllowed(() -> sms.send(message("d-4"))))
                .isEqualTo(1);
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(TestResilience.circuitState(meters, "sms", "closed")).isEqualTo(1);
        assertThat(TestResilience.attempts(meters, "sms", "failure")).isEqualTo(1);
    }

    @Test
    void aClientErrorFailsAtOnceWithoutRetry() {
        gateway.byDefault(Answer.of(400, "{\"error\":\"invalid recipient " + PHONE + " for key " + TOKEN + "\"}"));

        var failed = catchThrowableOfType(
                DeliveryFailure.class,
                () -> channel(TestResilience.retries(3), Duration.ofSeconds(2)).send(message("d-5")));

        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("HTTP 400", "invalid recipient");
        assertClean(failed);
        assertThat(gateway.received()).hasSize(1);
        // A refused message says nothing about the gateway's health.
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aShortRetryAfterIsWaitedForAndRetried() {
        gateway.thenAnswer(Answer.status(429).withHeader("Retry-After", "1"));

        int attempts = channel(TestResilience.retries(3), Duration.ofSeconds(2)).send(message("d-6"));

        assertThat(attempts).isEqualTo(2);
        assertThat(gateway.received()).hasSize(2);
    }

    @Test
    void aLongRetryAfterDefersTheDelivery() {
        gateway.byDefault(Answer.status(429).withHeader("Retry-After", "120"));

        var deferred = catchThrowableOfType(
                DeliveryFailure.class,
                () -> channel(TestResilience.retries(3), Duration.ofSeconds(2)).send(message("d-7")));

        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(deferred.reason()).contains("HTTP 429");
        assertThat(gateway.received()).hasSize(1);
    }

    @Test
    void aGatewaySlowerThanTheReadTimeoutIsTransient() {
        gateway.byDefault(Answer.slow());

        var failed = catchThrowableOfType(
                DeliveryFailure.class,
                () -> channel(TestResilience.retries(2), Duration.ofMillis(200)).send(message("d-8")));

        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.reason()).contains("no answer within");
        assertThat(TestResilience.attempts(meters, "sms", "retry")).isEqualTo(1);
    }

    @Test
    void anUnreachableGatewayIsTransient() throws Exception {
        URI closed;
        try (var probe = new FakeProvider()) {
            closed = probe.uri("/v1/messages");
        }

        var failed = catchThrowableOfType(
                DeliveryFailure.class, () -> channel(closed, TestResilience.retries(2), Duration.ofSeconds(1))
                        .send(message("d-9")));

        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.reason()).startsWith("sms gateway: ");
    }

    @Test
    void ourRateLimiterDefersWhatExceedsThePeriodsPermits() {
        var policy = new ResilienceSettings(
                TestResilience.retries(1).retry(),
                null,
                null,
                new ResilienceSettings.RateLimiter(1, Duration.ofMinutes(1)));
        var sms = channel(policy, Duration.ofSeconds(2));

        assertThat(sms.send(message("d-10"))).isEqualTo(1);
        var deferred = catchThrowableOfType(DeliveryFailure.class, () -> sms.send(message("d-11")));

        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(gateway.received()).hasSize(1);
    }

    @Test
    void aFullBulkheadDefers() throws Exception {
        gateway.thenAnswer(Answer.slow());
        var policy = new ResilienceSettings(
                TestResilience.retries(1).retry(), null, new ResilienceSettings.Bulkhead(1), null);
        var sms = channel(policy, Duration.ofSeconds(5));
        var first = CompletableFuture.supplyAsync(() -> sms.send(message("d-12")));
        for (int i = 0; i < 200 && gateway.received().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(gateway.received()).hasSize(1);

        var deferred = catchThrowableOfType(DeliveryFailure.class, () -> sms.send(message("d-13")));

        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.reason()).contains("in flight");
        gateway.release();
        assertThat(first).succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(1);
    }
}
