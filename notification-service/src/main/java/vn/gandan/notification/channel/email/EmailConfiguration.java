package vn.gandan.notification.channel.email;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.ProviderResilience;
import vn.gandan.notification.channel.ResilienceRegistries;

/**
 * The e-mail channel, when an SMTP server is configured: the same condition under which Boot builds its {@code
 * JavaMailSender} ({@code spring.mail.host}), so the two exist together or not at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

    @Bean
    DeliveryChannel emailChannel(JavaMailSender sender, EmailSettings settings, ResilienceRegistries registries) {
        EmailChannel.nameStreamProvider();
        return new EmailChannel(
                sender, settings, ProviderResilience.create(EmailChannel.NAME, settings.resilience(), registries));
    }
}
