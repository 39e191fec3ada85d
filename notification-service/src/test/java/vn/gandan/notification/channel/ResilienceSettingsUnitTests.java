package vn.gandan.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ResilienceSettingsUnitTests {

    static ResilienceSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("gandan.notification.channels.sms.resilience", ResilienceSettings.class);
    }

    @Test
    void everythingHasADefault() {
        var settings = bind(Map.of());

        assertThat(settings.retry().maxAttempts()).isEqualTo(3);
        assertThat(settings.retry().initialWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.circuitBreaker().waitInOpen()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.bulkhead().maxConcurrentCalls()).isEqualTo(10);
        assertThat(settings.rateLimiter().permitsPerPeriod()).isEqualTo(20);
    }

    @Test
    void bindsTheDocumentedKeysLeavingTheRestAtTheirDefaults() {
        var settings = bind(Map.of(
                "gandan.notification.channels.sms.resilience.retry.max-attempts", "5",
                "gandan.notification.channels.sms.resilience.retry.initial-wait", "1s",
                "gandan.notification.channels.sms.resilience.retry.randomization", "0.2",
                "gandan.notification.channels.sms.resilience.circuit-breaker.failure-rate", "25",
                "gandan.notification.channels.sms.resilience.circuit-breaker.wait-in-open", "2m",
                "gandan.notification.channels.sms.resilience.circuit-breaker.half-open-calls", "1",
                "gandan.notification.channels.sms.resilience.bulkhead.max-concurrent-calls", "4",
                "gandan.notification.channels.sms.resilience.rate-limiter.permits-per-period", "7",
                "gandan.notification.channels.sms.resilience.rate-limiter.period", "10s"));

        assertThat(settings.retry())
                .isEqualTo(new ResilienceSettings.Retry(5, Duration.ofSeconds(1), 2.0, 0.2, Duration.ofSeconds(10)));
        assertThat(settings.circuitBreaker())
                .isEqualTo(new ResilienceSettings.CircuitBreaker(25f, 10, 20, Duration.ofMinutes(2), 1));
        assertThat(settings.bulkhead().maxConcurrentCalls()).isEqualTo(4);
        assertThat(settings.rateLimiter()).isEqualTo(new ResilienceSettings.RateLimiter(7, Duration.ofSeconds(10)));
    }

    @Test
    void aBadValueFailsTheBindingNamingTheSetting() {
        var binding = org.assertj.core.api.Assertions.catchThrowableOfType(
                BindException.class,
                () -> bind(Map.of("gandan.notification.channels.sms.resilience.retry.max-attempts", "0")));

        assertThat(binding).rootCause().hasMessageContaining("retry.max-attempts must be at least 1");
    }

    @Test
    void rejectsValuesThatMakeNoSense() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.Retry(3, Duration.ZERO, null, null, null))
                .withMessageContaining("retry.initial-wait");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.Retry(null, null, 0.5, null, null))
                .withMessageContaining("retry.multiplier");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.Retry(null, null, null, 1.0, null))
                .withMessageContaining("retry.randomization");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new ResilienceSettings.Retry(null, Duration.ofSeconds(5), null, null, Duration.ofSeconds(1)))
                .withMessageContaining("retry.max-wait");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.CircuitBreaker(0f, null, null, null, null))
                .withMessageContaining("circuit-breaker.failure-rate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.CircuitBreaker(null, 30, 20, null, null))
                .withMessageContaining("circuit-breaker.minimum-calls");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.CircuitBreaker(null, null, null, Duration.ofSeconds(-1), null))
                .withMessageContaining("circuit-breaker.wait-in-open");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.CircuitBreaker(null, null, null, null, 0))
                .withMessageContaining("circuit-breaker.half-open-calls");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.Bulkhead(0))
                .withMessageContaining("bulkhead.max-concurrent-calls");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.RateLimiter(0, null))
                .withMessageContaining("rate-limiter.permits-per-period");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ResilienceSettings.RateLimiter(null, Duration.ZERO))
                .withMessageContaining("rate-limiter.period");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        assertThat(ProviderHttp.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(ProviderHttp.retryAfter("Tue, 01 Dec 2026 08:01:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ProviderHttp.retryAfter("Tue, 01 Dec 2026 07:00:00 GMT", now))
                .isEqualTo(Duration.ZERO);
        assertThat(ProviderHttp.retryAfter("-5", now)).isNull();
        assertThat(ProviderHttp.retryAfter("soon", now)).isNull();
        assertThat(ProviderHttp.retryAfter(null, now)).isNull();
    }
}
