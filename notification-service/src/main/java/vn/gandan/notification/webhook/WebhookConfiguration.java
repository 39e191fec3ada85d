package vn.gandan.notification.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook feature's settings and the two helpers built from them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** Fails start-up without a valid key: the local profile has a demo one, every other environment its own. */
    @Bean
    SecretCipher webhookSecretCipher(WebhookProperties properties) {
        return new SecretCipher(properties.secretKey());
    }

    @Bean
    WebhookUrls webhookUrls(WebhookProperties properties) {
        return WebhookUrls.of(properties);
    }
}
