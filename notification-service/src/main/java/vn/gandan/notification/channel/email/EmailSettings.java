package vn.gandan.notification.channel.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.gandan.notification.channel.ResilienceSettings;

/**
 * E-mail, {@code gandan.notification.channels.email.*}; the server itself is Boot's {@code spring.mail.*}, and the
 * channel exists only when {@code spring.mail.host} is set.
 *
 * @param from the sender, e.g. {@code "gandan <no-reply@gandan.gov.vn>"} (default {@code no-reply@gandan.local})
 * @param resilience the SMTP server's retry, circuit breaker, bulkhead and rate limiter
 */
@ConfigurationProperties("gandan.notification.channels.email")
record EmailSettings(String from, ResilienceSettings resilience) {

    EmailSettings {
        from = from == null || from.isBlank() ? "no-reply@gandan.local" : from;
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("gandan.notification.channels.email.from is not an e-mail address");
        }
        resilience = resilience == null ? ResilienceSettings.defaults() : resilience;
    }
}
