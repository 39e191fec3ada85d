package vn.gandan.notification.channel;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's retry, circuit breaker, rate limiter and bulkhead around a channel's single attempt, turning the
 * outcome into what {@link DeliveryChannel#send} promises: the number of attempts, or a {@link DeliveryFailure}.
 *
 * <p>The order, outermost first, is <b>Retry → CircuitBreaker → RateLimiter → Bulkhead → attempt</b>, the order
 * Resilience4j's own Spring integration uses, chosen because every guard then sees what it is about:
 *
 * <ul>
 *   <li>the breaker counts each real call to the provider (a message retried three times against a dead gateway is
 *       three failures), so an outage opens it after {@code minimum-calls} requests, not messages; once it opens
 *       mid-message the remaining retries stop at once and the delivery is deferred rather than failed;
 *   <li>the rate limiter takes a permit per request the provider receives, retries included, which is what the
 *       provider's own limit counts; it sits inside the breaker so an open circuit spends no permits;
 *   <li>the bulkhead bounds requests in flight, and is not held while a retry sleeps in its backoff.
 * </ul>
 *
 * Refusals by the breaker, the limiter or the bulkhead are not retried (waiting inside the call would only hold the
 * dispatcher's thread): they become {@link DeliveryFailure#deferred}. Refusals and permanent errors do not count as
 * breaker failures; throttling (429, quota) neither: the provider is up and asking us to slow down.
 *
 * <p>Counts {@code gandan.notification.channel.attempts{channel, outcome=success|retry|failure}}: one per request
 * made, {@code retry} when another attempt follows it.
 */
public final class ProviderResilience {

    /** One attempt at the provider; throws {@link ProviderException} when it did not go out. */
    @FunctionalInterface
    public interface Attempt {
        void run(int attempt);
    }

    static final String ATTEMPTS_METRIC = "gandan.notification.channel.attempts";

    private static final Logger log = LoggerFactory.getLogger(ProviderResilience.class);

    private final String channel;
    private final ResilienceSettings settings;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private final Counter successes;
    private final Counter retries;
    private final Counter failures;
    private final AtomicReference<Instant> openedAt = new AtomicReference<>();

    private ProviderResilience(String channel, ResilienceSettings settings, ResilienceRegistries registries) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retry = registries.retries().retry(channel, retryConfig(settings.retry()));
        this.circuitBreaker =
                registries.circuitBreakers().circuitBreaker(channel, circuitBreakerConfig(settings.circuitBreaker()));
        this.rateLimiter = registries.rateLimiters().rateLimiter(channel, rateLimiterConfig(settings.rateLimiter()));
        this.bulkhead = registries.bulkheads().bulkhead(channel, bulkheadConfig(settings.bulkhead()));
        this.successes = attemptCounter(registries, "success");
        this.retries = attemptCounter(registries, "retry");
        this.failures = attemptCounter(registries, "failure");
        circuitBreaker.getEventPublisher().onStateTransition(event -> {
            var transition = event.getStateTransition();
            if (transition.getToState() == CircuitBreaker.State.OPEN) {
                openedAt.set(Instant.now());
            }
            log.warn("Circuit of channel {}: {} -> {}", channel, transition.getFromState(), transition.getToState());
        });
    }

    /**
     * @param channel the channel's name: names the Resilience4j instances and tags their metrics
     * @param settings the provider's policies
     * @param registries where the instances live (and report)
     */
    public static ProviderResilience create(
            String channel, ResilienceSettings settings, ResilienceRegistries registries) {
        return new ProviderResilience(channel, settings, registries);
    }

    /**
     * Runs the attempt until it succeeds, the policy gives up, or a guard refuses.
     *
     * @param deliveryId for the log only
     * @return how many attempts it took
     * @throws DeliveryFailure deferred (circuit open, rate or bulkhead full, provider throttling) or failed (after
     *     the last retry, or a permanent error)
     */
    public int execute(String deliveryId, Attempt attempt) {
        var attempts = new AtomicInteger();
        Supplier<Object> one = () -> {
            int n = attempts.incrementAndGet();
            try {
                attempt.run(n);
            } catch (ProviderException e) {
                boolean again = retryable(e) && n < settings.retry().maxAttempts();
                (again ? retries : failures).increment();
                log.info(
                        "Channel {} delivery {} attempt {} failed: {}{}",
                        channel,
                        deliveryId,
                        n,
                        e.reason(),
                        again ? " (will retry)" : "");
                throw e;
            }
            successes.increment();
            return null;
        };
        Supplier<Object> guarded = Bulkhead.decorateSupplier(bulkhead, one);
        guarded = RateLimiter.decorateSupplier(rateLimiter, guarded);
        guarded = CircuitBreaker.decorateSupplier(circuitBreaker, guarded);
        guarded = Retry.decorateSupplier(retry, guarded);
        try {
            guarded.get();
            return attempts.get();
        } catch (CallNotPermittedException e) {
            throw DeliveryFailure.deferred(channel + ": circuit open after provider failures", remainingOpenWait());
        } catch (RequestNotPermitted e) {
            throw DeliveryFailure.deferred(
                    channel + ": rate limit of " + settings.rateLimiter().permitsPerPeriod() + " per "
                            + settings.rateLimiter().period() + " reached",
                    settings.rateLimiter().period());
        } catch (BulkheadFullException e) {
            throw DeliveryFailure.deferred(
                    channel + ": " + settings.bulkhead().maxConcurrentCalls() + " calls already in flight",
                    settings.retry().initialWait());
        } catch (ProviderException e) {
            throw outcome(e, attempts.get());
        } catch (RuntimeException e) {
            // A bug in an adapter, not a provider's answer: recorded as failed with its type (its message may quote
            // the address), the cause kept for the stack trace.
            throw DeliveryFailure.failed(
                    channel + ": unexpected " + e.getClass().getSimpleName(), attempts.get(), e);
        }
    }

    /** The provider's circuit as of now. */
    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private DeliveryFailure outcome(ProviderException e, int attempts) {
        log.warn(
                "Channel {} {} after {} attempt(s): {}",
                channel,
                e.kind() == ProviderException.Kind.THROTTLED ? "defers the delivery" : "gives up",
                attempts,
                e.reason());
        return switch (e.kind()) {
            case THROTTLED ->
                DeliveryFailure.deferred(
                        e.reason(),
                        e.retryAfter() != null
                                ? e.retryAfter()
                                : settings.rateLimiter().period());
            case TRANSIENT -> DeliveryFailure.failed(e.reason() + " (after " + attempts + " attempts)", attempts, e);
            case PERMANENT -> DeliveryFailure.failed(e.reason(), attempts, e);
        };
    }

    /** Until the open circuit lets probes through; a short wait once it is half-open with every probe taken. */
    private Duration remainingOpenWait() {
        Instant opened = openedAt.get();
        Duration wait = settings.circuitBreaker().waitInOpen();
        Duration left = opened == null ? wait : Duration.between(Instant.now(), opened.plus(wait));
        return left.isNegative() || left.isZero() ? settings.retry().initialWait() : left;
    }

    private boolean retryable(Throwable e) {
        if (!(e instanceof ProviderException p) || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return switch (p.kind()) {
            case TRANSIENT -> true;
            case THROTTLED ->
                p.retryAfter() == null
                        || p.retryAfter().compareTo(settings.retry().maxWait()) <= 0;
            case PERMANENT -> false;
        };
    }

    private RetryConfig retryConfig(ResilienceSettings.Retry s) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                s.initialWait(), s.multiplier(), s.randomization(), s.maxWait());
        // A provider's Retry-After (short enough to be retried at all) is a floor under the backoff.
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            long millis = backoff.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof ProviderException p && p.retryAfter() != null) {
                millis = Math.max(millis, p.retryAfter().toMillis());
            }
            return millis;
        };
        return RetryConfig.<Object>custom()
                .maxAttempts(s.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(this::retryable)
                .build();
    }

    private static CircuitBreakerConfig circuitBreakerConfig(ResilienceSettings.CircuitBreaker s) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(s.slidingWindow(), s.minimumCalls(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(s.failureRate())
                .waitDurationInOpenState(s.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .ignoreException(ProviderResilience::notTheProvidersFault)
                .build();
    }

    private static boolean notTheProvidersFault(Throwable e) {
        return e instanceof RequestNotPermitted
                || e instanceof BulkheadFullException
                || (e instanceof ProviderException p && p.kind() != ProviderException.Kind.TRANSIENT);
    }

    private static RateLimiterConfig rateLimiterConfig(ResilienceSettings.RateLimiter s) {
        return RateLimiterConfig.custom()
                .limitForPeriod(s.permitsPerPeriod())
                .limitRefreshPeriod(s.period())
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    private static BulkheadConfig bulkheadConfig(ResilienceSettings.Bulkhead s) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(s.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build();
    }

    private Counter attemptCounter(ResilienceRegistries registries, String outcome) {
        return Counter.builder(ATTEMPTS_METRIC)
                .description("Requests made to a notification provider, by outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registries.meters());
    }
}
