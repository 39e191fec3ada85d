package vn.gandan.notification.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The Zalo channel against a real HTTP server on loopback playing ZNS. */
class ZaloChannelIntegrationTests {

    static final String TOKEN = "zns-oa-access-token-0815";
    static final String PHONE = "+84912345678";
    static final Map<String, String> PARAMS =
            Map.of("tracking_code", "NA-2026-000123", "authority", "UBND xã Hợp Minh", "due_date", "05/12/2026");
    static final String OK = "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2\"}}";

    FakeProvider zns;
    CapturedLogs logs;
    SimpleMeterRegistry meters;
    ProviderResilience resilience;

    @BeforeEach
    void start() {
        zns = new FakeProvider().byDefault(Answer.of(200, OK));
        logs = new CapturedLogs();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        zns.close();
        logs.close();
        assertThat(logs.lines()).noneMatch(line -> line.contains("912345678") || line.contains(TOKEN));
    }

    ZaloChannel channel(ResilienceSettings policy, Duration readTimeout, List<Integer> quotaErrors) {
        var settings = new ZaloSettings(
                zns.uri("/message/template"),
                TOKEN,
                Duration.ofSeconds(1),
                readTimeout,
                null,
                quotaErrors,
                Duration.ofMinutes(30),
                policy);
        resilience = ProviderResilience.create("zalo", settings.resilience(), ResilienceRegistries.boundTo(meters));
        return new ZaloChannel(settings, resilience);
    }

    ZaloChannel channel(ResilienceSettings policy) {
        return channel(policy, Duration.ofSeconds(2), null);
    }

    static OutgoingMessage message(String deliveryId, String templateId) {
        return new OutgoingMessage(
                deliveryId,
                "zalo",
                PHONE,
                null,
                "Kiến nghị đã được chuyển",
                Locale.forLanguageTag("vi"),
                templateId,
                PARAMS,
                null);
    }

    static String zns(int error, String message) {
        return "{\"error\":" + error + ",\"message\":\"" + message + "\"}";
    }

    static void assertClean(DeliveryFailure failure) {
        assertThat(failure.reason()).doesNotContain("912345678", TOKEN);
    }

    @Test
    void sendsTheTemplateMessageToThePhoneWithoutPlus() {
        int attempts = channel(TestResilience.retries(3)).send(message("z-1", "248079"));

        assertThat(attempts).isEqualTo(1);
        assertThat(zns.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("access_token")).isEqualTo(TOKEN);
            assertThat(request.header("Idempotency-Key")).isEqualTo("z-1");
            assertThat(request.header("Authorization")).isNull();
            assertThat(JsonMapper.shared().readValue(request.body(), Map.class))
                    .isEqualTo(Map.of(
                            "phone", "84912345678",
                            "template_id", "248079",
                            "template_data", PARAMS,
                            "tracking_id", "z-1"));
        });
    }

    @Test
    void aMessageWithoutTemplateFailsBeforeAnyRequest() {
        var failed = catchThrowableOfType(
                DeliveryFailure.class, () -> channel(TestResilience.retries(3)).send(message("z-2", null)));

        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isZero();
        assertThat(failed.reason()).contains("no ZNS template id");
        assertThat(zns.received()).isEmpty();
    }

    @Test
    void aTransientZnsErrorIsRetriedWithTheSameKeys() {
        zns.thenAnswer(Answer.of(200, zns(-100, "Unknown error")), Answer.status(503));

        int attempts = channel(TestResilience.retries(3)).send(message("z-3", "248079"));

        assertThat(attempts).isEqualTo(3);
        assertThat(zns.received()).hasSize(3).allSatisfy(request -> {
            assertThat(request.header("Idempotency-Key")).isEqualTo("z-3");
            assertThat(request.body()).contains("\"tracking_id\":\"z-3\"");
        });
    }

    @Test
    void aPermanentZnsErrorFailsAtOnceWithoutThePhoneOrToken() {
        zns.byDefault(Answer.of(200, zns(-108, "Phone number 84912345678 invalid (token " + TOKEN + ")")));

        var failed = catchThrowableOfType(
                DeliveryFailure.class, () -> channel(TestResilience.retries(3)).send(message("z-4", "248079")));

        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("zalo zns error -108", "Phone number", "invalid");
        assertClean(failed);
        assertThat(zns.received()).hasSize(1);
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aQuotaErrorDefersTheDelivery() {
        zns.thenAnswer(Answer.of(200, zns(-115, "Out of quota")), Answer.of(200, zns(-144, "Limit reached")));
        var zalo = channel(TestResilience.retries(3), Duration.ofSeconds(2), List.of(-144));

        var byMessage = catchThrowableOfType(DeliveryFailure.class, () -> zalo.send(message("z-5", "248079")));
        var byCode = catchThrowableOfType(DeliveryFailure.class, () -> zalo.send(message("z-6", "248079")));

        assertThat(List.of(byMessage, byCode)).allSatisfy(deferred -> {
            assertThat(deferred.isDeferred()).isTrue();
            assertThat(deferred.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(byMessage.reason()).contains("-115", "Out of quota");
        assertThat(zns.received()).hasSize(2);
    }

    @Test
    void persistentServerErrorsFailThenOpenTheCircuitWhichClosesOnceZnsRecovers() throws Exception {
        zns.byDefault(Answer.status(500));
        var zalo = channel(TestResilience.policy(2, 2, Duration.ofMillis(300)));

        var failed = catchThrowableOfType(DeliveryFailure.class, () -> zalo.send(message("z-7", "248079")));
        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.reason()).contains("HTTP 500");

        var deferred = catchThrowableOfType(DeliveryFailure.class, () -> zalo.send(message("z-8", "248079")));
        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.reason()).contains("circuit open");
        assertThat(zns.received()).hasSize(2);

        zns.byDefault(Answer.of(200, OK));
        assertThat(TestResilience.sendOnceAllowed(() -> zalo.send(message("z-8", "248079"))))
                .isEqualTo(1);
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anHttpClientErrorFailsAtOnce() {
        zns.byDefault(Answer.of(401, "{\"error\":-124,\"message\":\"Access token invalid\"}"));

        var failed = catchThrowableOfType(
                DeliveryFailure.class, () -> channel(TestResilience.retries(3)).send(message("z-9", "248079")));

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("HTTP 401");
        assertClean(failed);
    }

    @Test
    void rateLimitingWithRetryAfterIsRetriedOrDeferred() {
        zns.thenAnswer(
                Answer.status(429).withHeader("Retry-After", "0"),
                Answer.status(429).withHeader("Retry-After", "3600"));
        var zalo = channel(TestResilience.retries(3));

        var deferred = catchThrowableOfType(DeliveryFailure.class, () -> zalo.send(message("z-10", "248079")));

        // The first 429 asked for no wait and was retried; the second asked for an hour: deferred for that long.
        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(zns.received()).hasSize(2);
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void znsSlowerThanTheReadTimeoutIsTransient() {
        zns.thenAnswer(Answer.slow());

        int attempts =
                channel(TestResilience.retries(3), Duration.ofMillis(200), null).send(message("z-11", "248079"));

        assertThat(attempts).isEqualTo(2);
        assertThat(TestResilience.attempts(meters, "zalo", "retry")).isEqualTo(1);
        assertThat(TestResilience.attempts(meters, "zalo", "success")).isEqualTo(1);
    }
}
