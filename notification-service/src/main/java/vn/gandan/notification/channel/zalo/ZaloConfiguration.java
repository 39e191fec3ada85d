package vn.gandan.notification.channel.zalo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.ProviderResilience;
import vn.gandan.notification.channel.ResilienceRegistries;

/** The Zalo channel, when ZNS is configured; without it the service runs without Zalo. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("gandan.notification.channels.zalo.url")
@EnableConfigurationProperties(ZaloSettings.class)
class ZaloConfiguration {

    @Bean
    DeliveryChannel zaloChannel(ZaloSettings settings, ResilienceRegistries registries) {
        return new ZaloChannel(
                settings, ProviderResilience.create(ZaloChannel.NAME, settings.resilience(), registries));
    }
}
