package vn.gandan.notification.channel.zalo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.gandan.notification.channel.ResilienceSettings;

/**
 * Zalo Notification Service, {@code gandan.notification.channels.zalo.*}; the channel exists only when {@code url}
 * is set.
 *
 * <p>ZNS answers HTTP 200 with {@code "error": 0} on success and a negative {@code error} otherwise. Which codes are
 * worth trying again is configured, not hard-wired, because ZNS adds codes over time: {@code transient-errors}
 * (default {@code -100}, "Unknown error, please try again later" in ZNS's table) are retried like a 5xx; {@code
 * quota-errors}, and any error whose message speaks of a quota or a rate limit, defer the delivery by {@code
 * quota-retry-after}; every other code fails the delivery at once (bad phone, bad template, user cannot receive,
 * invalid token...).
 *
 * @param url the ZNS send endpoint, e.g. {@code https://business.openapi.zalo.me/message/template}
 * @param accessToken the OA's access token, sent as header {@code access_token} (from the environment)
 * @param connectTimeout to open a connection (default 2s)
 * @param readTimeout from the request to the answer's headers (default 5s)
 * @param transientErrors ZNS error codes to retry (default {@code [-100]})
 * @param quotaErrors ZNS error codes meaning a quota or rate is used up (default none beyond the message test)
 * @param quotaRetryAfter how long a delivery waits after such an error (default 1h)
 * @param resilience ZNS's retry, circuit breaker, bulkhead and rate limiter
 */
@ConfigurationProperties("gandan.notification.channels.zalo")
record ZaloSettings(
        URI url,
        String accessToken,
        Duration connectTimeout,
        Duration readTimeout,
        List<Integer> transientErrors,
        List<Integer> quotaErrors,
        Duration quotaRetryAfter,
        ResilienceSettings resilience) {

    ZaloSettings {
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("gandan.notification.channels.zalo.url must be an http(s) URL");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("gandan.notification.channels.zalo.access-token must be set");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("gandan.notification.channels.zalo timeouts must be positive");
        }
        transientErrors = transientErrors == null ? List.of(-100) : List.copyOf(transientErrors);
        quotaErrors = quotaErrors == null ? List.of() : List.copyOf(quotaErrors);
        if (transientErrors.contains(0) || quotaErrors.contains(0)) {
            throw new IllegalArgumentException("gandan.notification.channels.zalo: error 0 is success, not an error");
        }
        quotaRetryAfter = quotaRetryAfter == null ? Duration.ofHours(1) : quotaRetryAfter;
        if (quotaRetryAfter.isNegative() || quotaRetryAfter.isZero()) {
            throw new IllegalArgumentException("gandan.notification.channels.zalo.quota-retry-after must be positive");
        }
        resilience = resilience == null ? ResilienceSettings.defaults() : resilience;
    }

    @Override
    public String toString() {
        return "ZaloSettings[url=" + url + ", accessToken=***, transientErrors=" + transientErrors + ", quotaErrors="
                + quotaErrors + "]";
    }
}
