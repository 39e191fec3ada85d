package vn.gandan.notification.channel.sms;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.gandan.notification.channel.ResilienceSettings;

/**
 * The SMS gateway, {@code gandan.notification.channels.sms.*}; the channel exists only when {@code url} is set.
 *
 * @param url where messages are posted
 * @param token the gateway's bearer token (from the environment: {@code GANDAN_NOTIFICATION_CHANNELS_SMS_TOKEN})
 * @param connectTimeout to open a connection (default 2s)
 * @param readTimeout from the request to the answer's headers (default 5s)
 * @param resilience the gateway's retry, circuit breaker, bulkhead and rate limiter
 */
@ConfigurationProperties("gandan.notification.channels.sms")
record SmsSettings(
        URI url, String token, Duration connectTimeout, Duration readTimeout, ResilienceSettings resilience) {

    SmsSettings {
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("gandan.notification.channels.sms.url must be an http(s) URL");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("gandan.notification.channels.sms.token must be set");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("gandan.notification.channels.sms timeouts must be positive");
        }
        resilience = resilience == null ? ResilienceSettings.defaults() : resilience;
    }

    @Override
    public String toString() {
        return "SmsSettings[url=" + url + ", token=***, connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + "]";
    }
}
