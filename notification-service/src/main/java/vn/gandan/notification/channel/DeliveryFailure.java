package vn.gandan.notification.channel;

import java.time.Duration;
import java.util.Objects;

/** Why a message did not go out, and whether to try again later. The reason never holds an address. */
public final class DeliveryFailure extends RuntimeException {

    private final boolean deferred;
    private final Duration retryAfter;
    private final int attempts;

    private DeliveryFailure(String reason, boolean deferred, Duration retryAfter, int attempts, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.deferred = deferred;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** Not sent now, through no fault of the message (circuit open, rate used up): wait and try again. */
    public static DeliveryFailure deferred(String reason, Duration retryAfter) {
        return new DeliveryFailure(reason, true, retryAfter, 0, null);
    }

    /** Not sent, for good: after the last retry, or refused by the provider. */
    public static DeliveryFailure failed(String reason, int attempts, Throwable cause) {
        return new DeliveryFailure(reason, false, null, attempts, cause);
    }

    public boolean isDeferred() {
        return deferred;
    }

    /** For a deferred failure: how long to wait before the next try. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For a failure: how many attempts were made. */
    public int attempts() {
        return attempts;
    }

    public String reason() {
        return getMessage();
    }
}
