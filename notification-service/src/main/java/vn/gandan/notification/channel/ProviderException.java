package vn.gandan.notification.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * What one attempt at a provider came to when it did not succeed, as a channel adapter classifies it. {@link
 * ProviderResilience} decides from the kind whether to retry, whether the circuit breaker counts it, and which
 * {@link DeliveryFailure} the dispatcher gets.
 *
 * <p>The reason must already be fit for logs and delivery records: no address, no token (build it from status codes
 * and {@link Masking#scrub}). Causes are attached only where they cannot hold personal data (an SMTP exception
 * quotes the rejected address, so e-mail attaches none).
 */
public final class ProviderException extends RuntimeException {

    /** How a failed attempt is treated. */
    public enum Kind {
        /** The provider is down, slow or erring (5xx, timeout, I/O): retry with backoff; the breaker counts it. */
        TRANSIENT,
        /**
         * The provider asks us to slow down (HTTP 429, a quota used up): retry only if its wait fits the backoff,
         * otherwise defer the delivery for that long; the breaker does not count it (the provider is up).
         */
        THROTTLED,
        /** The message can never go this way (bad address, refused, 4xx): fail at once, no retry, not counted. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    private ProviderException(Kind kind, String reason, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** A failure worth retrying soon. */
    public static ProviderException transientFailure(String reason, Throwable cause) {
        return new ProviderException(Kind.TRANSIENT, reason, null, cause);
    }

    /** The provider's rate or quota is used up; {@code retryAfter} is its hint, or null when it gave none. */
    public static ProviderException throttled(String reason, Duration retryAfter) {
        return new ProviderException(Kind.THROTTLED, reason, retryAfter, null);
    }

    /** The provider refused this message for good. */
    public static ProviderException permanent(String reason) {
        return new ProviderException(Kind.PERMANENT, reason, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#THROTTLED}: how long the provider asked us to wait; null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String reason() {
        return getMessage();
    }
}
