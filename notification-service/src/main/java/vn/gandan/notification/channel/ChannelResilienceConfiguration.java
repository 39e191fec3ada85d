package vn.gandan.notification.channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registries the configured channels share; cheap when no channel is configured. */
@Configuration(proxyBeanMethods = false)
class ChannelResilienceConfiguration {

    @Bean
    ResilienceRegistries channelResilienceRegistries(ObjectProvider<MeterRegistry> meters) {
        // Actuator provides the registry in the service; a slice test without it still gets working channels.
        return ResilienceRegistries.boundTo(meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
