package vn.gandan.notification.channel;

import java.time.Duration;

/**
 * One provider's resilience, as {@code gandan.notification.channels.<name>.resilience.*} sets it. Every field may be
 * left out: the defaults suit a provider answering in well under a second. Invalid values fail the start with a
 * message naming the setting.
 *
 * @param retry attempts per message and the backoff between them
 * @param circuitBreaker when to stop calling a failing provider, and for how long
 * @param bulkhead how many calls may be in flight at once
 * @param rateLimiter how many calls per period the provider accepts
 */
public record ResilienceSettings(
        Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead, RateLimiter rateLimiter) {

    public ResilienceSettings {
        retry = retry == null ? new Retry(null, null, null, null, null) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null, null) : circuitBreaker;
        bulkhead = bulkhead == null ? new Bulkhead(null) : bulkhead;
        rateLimiter = rateLimiter == null ? new RateLimiter(null, null) : rateLimiter;
    }

    /** All defaults. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(null, null, null, null);
    }

    /**
     * Exponential backoff with jitter: the n-th wait is {@code initialWait * multiplier^(n-1)}, randomized by
     * {@code ±randomization} and capped at {@code maxWait}. A provider's Retry-After longer than {@code maxWait} is
     * not waited for in the call: the delivery is deferred instead.
     *
     * @param maxAttempts attempts per message, the first included (default 3)
     * @param initialWait wait before the second attempt (default 500ms)
     * @param multiplier growth of the wait per attempt (default 2)
     * @param randomization jitter as a fraction of the wait, 0 to below 1 (default 0.5)
     * @param maxWait the longest single wait (default 10s)
     */
    public record Retry(
            Integer maxAttempts, Duration initialWait, Double multiplier, Double randomization, Duration maxWait) {

        public Retry {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialWait = initialWait == null ? Duration.ofMillis(500) : initialWait;
            multiplier = multiplier == null ? 2.0 : multiplier;
            randomization = randomization == null ? 0.5 : randomization;
            maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
            check(maxAttempts >= 1, "retry.max-attempts must be at least 1");
            check(positive(initialWait), "retry.initial-wait must be positive");
            check(multiplier >= 1.0, "retry.multiplier must be at least 1");
            check(randomization >= 0.0 && randomization < 1.0, "retry.randomization must be from 0 to below 1");
            check(maxWait.compareTo(initialWait) >= 0, "retry.max-wait must not be shorter than retry.initial-wait");
        }
    }

    /**
     * A count-based breaker over the last {@code slidingWindow} attempts.
     *
     * @param failureRate percentage of failed attempts that opens the circuit (default 50)
     * @param minimumCalls attempts needed before the rate is judged (default 10)
     * @param slidingWindow attempts the rate is computed over (default 20)
     * @param waitInOpen how long an open circuit refuses calls before it lets probes through (default 30s)
     * @param halfOpenCalls probes that decide whether to close again (default 3)
     */
    public record CircuitBreaker(
            Float failureRate,
            Integer minimumCalls,
            Integer slidingWindow,
            Duration waitInOpen,
            Integer halfOpenCalls) {

        public CircuitBreaker {
            failureRate = failureRate == null ? 50f : failureRate;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            slidingWindow = slidingWindow == null ? 20 : slidingWindow;
            waitInOpen = waitInOpen == null ? Duration.ofSeconds(30) : waitInOpen;
            halfOpenCalls = halfOpenCalls == null ? 3 : halfOpenCalls;
            check(
                    failureRate > 0f && failureRate <= 100f,
                    "circuit-breaker.failure-rate must be above 0 and at most 100");
            check(slidingWindow >= 1, "circuit-breaker.sliding-window must be at least 1");
            check(
                    minimumCalls >= 1 && minimumCalls <= slidingWindow,
                    "circuit-breaker.minimum-calls must be from 1 to circuit-breaker.sliding-window");
            check(positive(waitInOpen), "circuit-breaker.wait-in-open must be positive");
            check(halfOpenCalls >= 1, "circuit-breaker.half-open-calls must be at least 1");
        }
    }

    /** @param maxConcurrentCalls calls in flight at once; one more is deferred, not queued (default 10) */
    public record Bulkhead(Integer maxConcurrentCalls) {

        public Bulkhead {
            maxConcurrentCalls = maxConcurrentCalls == null ? 10 : maxConcurrentCalls;
            check(maxConcurrentCalls >= 1, "bulkhead.max-concurrent-calls must be at least 1");
        }
    }

    /**
     * @param permitsPerPeriod attempts allowed per period; one more is deferred to the next period (default 20)
     * @param period the period (default 1s)
     */
    public record RateLimiter(Integer permitsPerPeriod, Duration period) {

        public RateLimiter {
            permitsPerPeriod = permitsPerPeriod == null ? 20 : permitsPerPeriod;
            period = period == null ? Duration.ofSeconds(1) : period;
            check(permitsPerPeriod >= 1, "rate-limiter.permits-per-period must be at least 1");
            check(positive(period), "rate-limiter.period must be positive");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void check(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("gandan.notification.channels.<name>.resilience." + message);
        }
    }
}
