package vn.gandan.notification.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of portals' webhooks.
 *
 * @param secretKey base64 of the 32-byte AES key that encrypts subscription secrets at rest; required
 * @param allowHttp accept plain {@code http} URLs (a developer's machine), not only {@code https}
 * @param allowLoopback accept URLs whose host is a loopback address (a developer's machine); nothing else internal
 * @param allowPrivate accept private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): a portal inside
 *     the same private network; link-local, multicast and unspecified addresses are refused whatever this says
 * @param maxPerPortal active subscriptions a portal may have at once
 * @param maxRedelivery how far back a portal may ask for events again
 * @param connectTimeout to open a connection to a portal
 * @param readTimeout from sending the request to the response's headers
 * @param signatureTolerance how old a signed timestamp a portal should accept; documented to portals, not enforced
 *     here
 */
@ConfigurationProperties("gandan.notification.webhooks")
record WebhookProperties(
        String secretKey,
        boolean allowHttp,
        boolean allowLoopback,
        boolean allowPrivate,
        @DefaultValue("5") int maxPerPortal,
        @DefaultValue("30d") Duration maxRedelivery,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5m") Duration signatureTolerance,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        @DefaultValue Bulkhead bulkhead) {

    /**
     * Attempts of one delivery in one {@code send}: exponential backoff with jitter between them.
     *
     * @param maxAttempts including the first
     * @param randomization the jitter: each wait is drawn within ± this share of it
     */
    record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("2") double multiplier,
            @DefaultValue("0.5") double randomization,
            @DefaultValue("10s") Duration maxBackoff) {}

    /**
     * One circuit breaker per subscription, counting attempts: a portal that keeps failing is left alone for
     * {@code openWait} while the others are still served.
     */
    record Breaker(
            @DefaultValue("10") int slidingWindow,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("50") float failureRate,
            @DefaultValue("60s") Duration openWait,
            @DefaultValue("1") int halfOpenCalls) {}

    /** Concurrent deliveries to one subscription; a delivery finding it full is deferred, not queued. */
    record Bulkhead(
            @DefaultValue("4") int maxConcurrent,
            @DefaultValue("0s") Duration maxWait) {}
}
