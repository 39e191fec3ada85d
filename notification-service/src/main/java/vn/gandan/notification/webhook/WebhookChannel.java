package vn.gandan.notification.webhook;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.webhook.WebhookSubscriptions.Target;

/**
 * Posts a delivery's CloudEvent to a portal's webhook in the CloudEvents HTTP binding, binary mode, signed
 * ({@link WebhookSignature}). Each subscription has its own circuit breaker and bulkhead, so a portal that is
 * down or slow holds up only its own deliveries; a delivery is retried within one {@link #send} with exponential
 * backoff and jitter. Redirects are not followed: the target would escape the address check.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    static final String NAME = "webhook";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    /** The shortest deferral: a half-open circuit whose trial calls are taken frees up within moments. */
    private static final Duration MIN_DEFERRAL = Duration.ofSeconds(1);

    private final WebhookSubscriptions subscriptions;
    private final WebhookUrls urls;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    /** When each subscription's circuit last opened: Resilience4j does not tell how long it stays open. */
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    WebhookChannel(
            WebhookSubscriptions subscriptions,
            WebhookUrls urls,
            WebhookProperties properties,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        this.subscriptions = subscriptions;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        WebhookProperties.Retry retrying = properties.retry();
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(retrying.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        retrying.initialBackoff(),
                        retrying.multiplier(),
                        retrying.randomization(),
                        retrying.maxBackoff()))
                .retryOnException(Transient.class::isInstance)
                .build());
        this.retry = retries.retry(NAME);
        WebhookProperties.Breaker breaking = properties.breaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaking.slidingWindow())
                .minimumNumberOfCalls(breaking.minimumCalls())
                .failureRateThreshold(breaking.failureRate())
                .waitDurationInOpenState(breaking.openWait())
                .permittedNumberOfCallsInHalfOpenState(breaking.halfOpenCalls())
                // A 4xx means the portal is up and answering: it does not count against its circuit.
                .recordException(Transient.class::isInstance)
                .ignoreExceptions(Stopped.class)
                .build());
        this.breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.bulkhead().maxConcurrent())
                .maxWaitDuration(properties.bulkhead().maxWait())
                .build());
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int send(OutgoingMessage message) {
        Target target;
        try {
            target = subscriptions.target(message.address()).orElse(null);
        } catch (IllegalStateException undecryptable) {
            throw DeliveryFailure.failed("webhook secret cannot be read", 0, undecryptable);
        }
        if (target == null) {
            throw DeliveryFailure.failed("webhook subscription not found", 0, null);
        }
        if (!target.subscription().active()) {
            throw DeliveryFailure.failed("webhook subscription inactive", 0, null);
        }
        OutgoingMessage.CloudEventPayload event = message.event();
        if (event == null || event.type() == null || event.source() == null) {
            throw DeliveryFailure.failed("no CloudEvent with a type and a source to post", 0, null);
        }
        String id = target.subscription().id();
        AtomicInteger attempts = new AtomicInteger();
        CircuitBreaker breaker = breakers.circuitBreaker(id);
        CheckedRunnable call = Bulkhead.decorateCheckedRunnable(
                bulkheads.bulkhead(id),
                Retry.decorateCheckedRunnable(
                        retry,
                        CircuitBreaker.decorateCheckedRunnable(
                                breaker, () -> attempt(target, message, attempts.incrementAndGet()))));
        try {
            call.run();
            return attempts.get();
        } catch (CallNotPermittedException open) {
            throw DeliveryFailure.deferred("webhook circuit open", remainingOpen(id, breaker));
        } catch (BulkheadFullException busy) {
            throw DeliveryFailure.deferred("webhook subscription busy", MIN_DEFERRAL);
        } catch (Stopped stopped) {
            throw DeliveryFailure.deferred("webhook call interrupted", MIN_DEFERRAL);
        } catch (Gone gone) {
            subscriptions.deactivate(id, "its URL answered 410 Gone");
            breakers.remove(id);
            bulkheads.remove(id);
            openedAt.remove(id);
            throw DeliveryFailure.failed(gone.getMessage(), attempts.get(), gone);
        } catch (Permanent refused) {
            throw DeliveryFailure.failed(refused.getMessage(), attempts.get(), refused);
        } catch (Transient failed) {
            throw DeliveryFailure.failed(
                    failed.getMessage() + " (after " + attempts.get() + " attempts)", attempts.get(), failed);
        } catch (Throwable unexpected) {
            if (unexpected instanceof Error error) {
                throw error;
            }
            throw DeliveryFailure.failed(
                    "webhook call failed: " + unexpected.getClass().getSimpleName(), attempts.get(), unexpected);
        }
    }

    private void attempt(Target target, OutgoingMessage message, int attempt) {
        Subscription subscription = target.subscription();
        // Again at each attempt: the name may resolve elsewhere now than when the portal subscribed.
        urls.check(subscription.url()).ifPresent(refusal -> {
            if (refusal.code().equals(WebhookUrls.UNRESOLVABLE)) {
                throw new Transient("webhook host does not resolve");
            }
            throw new Permanent("webhook URL no longer allowed (" + refusal.code() + ")");
        });
        OutgoingMessage.CloudEventPayload event = message.event();
        byte[] body = event.data() == null ? new byte[0] : event.data();
        // Signed at each attempt: a retry after the backoff carries a fresh timestamp, inside the portal's window.
        long timestamp = clock.instant().getEpochSecond();
        URI uri = URI.create(subscription.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("ce-specversion", "1.0")
                .header("ce-id", headerValue(event.id() != null ? event.id() : message.deliveryId()))
                .header("ce-type", headerValue(event.type()))
                .header("ce-source", headerValue(event.source()))
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, message.deliveryId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (event.subject() != null) {
            request.header("ce-subject", headerValue(event.subject()));
        }
        if (event.time() != null) {
            request.header("ce-time", headerValue(event.time()));
        }
        if ("http".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            // No h2c upgrade dance with a developer's plain-HTTP receiver; https negotiates HTTP/2 by ALPN.
            request.version(HttpClient.Version.HTTP_1_1);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new Transient("webhook timed out", e);
        } catch (IOException e) {
            // The class only: an I/O message may name the host or the URL, which a reason must not.
            throw new Transient("webhook unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String answered = "webhook answered " + status;
        if (status == 410) {
            throw new Gone(answered + ": subscription deactivated");
        }
        // Both say "later" by definition (RFC 9110, RFC 6585), unlike the other 4xx.
        if (status >= 500 || status == 408 || status == 429) {
            throw new Transient(answered);
        }
        if (status >= 300 && status < 400) {
            throw new Permanent(answered + ": redirects are not followed");
        }
        throw new Permanent(answered);
    }

    private Duration remainingOpen(String id, CircuitBreaker breaker) {
        Instant opened = openedAt.get(id);
        if (breaker.getState() != CircuitBreaker.State.OPEN || opened == null) {
            return MIN_DEFERRAL;
        }
        Duration left = properties.breaker().openWait().minus(Duration.between(opened, clock.instant()));
        return left.compareTo(MIN_DEFERRAL) < 0 ? MIN_DEFERRAL : left;
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.StateTransition transition = event.getStateTransition();
            if (transition.getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(breaker.getName(), clock.instant());
            }
            log.warn(
                    "Webhook subscription {}: circuit {} -> {}",
                    breaker.getName(),
                    transition.getFromState(),
                    transition.getToState());
        });
    }

    /**
     * A CloudEvents attribute as an HTTP header value (HTTP binding 3.1.3.2): UTF-8, with space, {@code "},
     * {@code %} and everything outside printable ASCII percent-encoded.
     */
    static String headerValue(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Worth another attempt: 5xx, 408, 429, timeouts, I/O. Counts against the circuit. */
    static final class Transient extends RuntimeException {
        Transient(String reason) {
            super(reason, null, false, false);
        }

        Transient(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    /** The portal refused it for good (4xx), or the URL may no longer be called. */
    static class Permanent extends RuntimeException {
        Permanent(String reason) {
            super(reason, null, false, false);
        }
    }

    /** 410: the portal says the webhook is gone; the subscription is deactivated. */
    static final class Gone extends Permanent {
        Gone(String reason) {
            super(reason);
        }
    }

    /** The sending thread was interrupted (shutting down): the delivery is not at fault. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("interrupted", null, false, false);
        }
    }
}
