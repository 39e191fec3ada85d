package vn.gandan.notification.channel;

/**
 * One way out: e-mail, SMS, Zalo, webhooks. Each adapter owns its provider's settings and resilience (retry with
 * backoff and jitter, circuit breaker, bulkhead, rate limiter); the delivery feature records every delivery before
 * it calls {@link #send} and records the outcome after.
 */
public interface DeliveryChannel {

    /** The channel's name as deliveries record it: {@code email}, {@code sms}, {@code zalo}, {@code webhook}. */
    String name();

    /**
     * Sends the message, retrying transient failures as the provider's policy says.
     *
     * @return how many attempts it took (1 when the first succeeded)
     * @throws DeliveryFailure when it did not go out: {@link DeliveryFailure#deferred} (the provider's circuit is
     *     open or its rate is used up: try again later, the delivery is not failed), or {@link
     *     DeliveryFailure#failed} (the last retry failed, or the message can never go: bad address, refused)
     */
    int send(OutgoingMessage message);
}
