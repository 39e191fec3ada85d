package vn.gandan.notification.channel.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.ProviderResilience;
import vn.gandan.notification.channel.ResilienceRegistries;

/** The SMS channel, when a gateway is configured; without one the service runs without SMS. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("gandan.notification.channels.sms.url")
@EnableConfigurationProperties(SmsSettings.class)
class SmsConfiguration {

    @Bean
    DeliveryChannel smsChannel(SmsSettings settings, ResilienceRegistries registries) {
        return new SmsChannel(settings, ProviderResilience.create(SmsChannel.NAME, settings.resilience(), registries));
    }
}
