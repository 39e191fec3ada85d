package vn.gandan.notification.channel;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The Resilience4j registries every channel's {@link ProviderResilience} lives in, bound to the meter registry, so
 * that each provider's circuit state, retries, bulkhead and rate limiter show at {@code /actuator/prometheus}
 * ({@code resilience4j_circuitbreaker_state{name="sms",...}} and so on), tagged by channel name.
 */
public record ResilienceRegistries(
        CircuitBreakerRegistry circuitBreakers,
        RetryRegistry retries,
        BulkheadRegistry bulkheads,
        RateLimiterRegistry rateLimiters,
        MeterRegistry meters) {

    public ResilienceRegistries {
        Objects.requireNonNull(circuitBreakers, "circuitBreakers");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(bulkheads, "bulkheads");
        Objects.requireNonNull(rateLimiters, "rateLimiters");
        Objects.requireNonNull(meters, "meters");
    }

    /** Fresh registries whose members (present and future) report to {@code meters}. */
    public static ResilienceRegistries boundTo(MeterRegistry meters) {
        var registries = new ResilienceRegistries(
                CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(),
                BulkheadRegistry.ofDefaults(),
                RateLimiterRegistry.ofDefaults(),
                meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registries.circuitBreakers())
                .bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(registries.retries()).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(registries.bulkheads()).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(registries.rateLimiters())
                .bindTo(meters);
        return registries;
    }
}
