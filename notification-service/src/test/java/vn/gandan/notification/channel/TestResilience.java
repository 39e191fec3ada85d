package vn.gandan.notification.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;

/** Policies with short waits, so that tests of retries and circuits take milliseconds. */
public final class TestResilience {

    private TestResilience() {}

    /**
     * @param maxAttempts attempts per message
     * @param minimumCalls failed attempts (all of the window) that open the circuit
     * @param waitInOpen how long it stays open
     */
    public static ResilienceSettings policy(int maxAttempts, int minimumCalls, Duration waitInOpen) {
        return new ResilienceSettings(
                new ResilienceSettings.Retry(maxAttempts, Duration.ofMillis(20), 2.0, 0.5, Duration.ofSeconds(2)),
                new ResilienceSettings.CircuitBreaker(50f, minimumCalls, minimumCalls, waitInOpen, 1),
                new ResilienceSettings.Bulkhead(10),
                new ResilienceSettings.RateLimiter(1000, Duration.ofSeconds(1)));
    }

    /** A policy that does not open its circuit within a test. */
    public static ResilienceSettings retries(int maxAttempts) {
        return policy(maxAttempts, 100, Duration.ofSeconds(30));
    }

    public static double attempts(MeterRegistry meters, String channel, String outcome) {
        var counter = meters.find(ProviderResilience.ATTEMPTS_METRIC)
                .tags("channel", channel, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Resilience4j's gauge: 1 for the circuit's current state. */
    public static double circuitState(MeterRegistry meters, String channel, String state) {
        var gauge = meters.find("resilience4j.circuitbreaker.state")
                .tags("name", channel, "state", state)
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    /**
     * Sends as the dispatcher would once a circuit is open: again after each deferral's retry-after, a bounded number
     * of times.
     */
    public static int sendOnceAllowed(IntSupplier send) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try {
                return send.getAsInt();
            } catch (DeliveryFailure failure) {
                if (!failure.isDeferred()) {
                    throw failure;
                }
                Thread.sleep(Math.min(2000, failure.retryAfter().toMillis()) + 10);
            }
        }
        throw new AssertionError("still deferred after 50 tries");
    }
}
