package vn.gandan.intake.portalkeys;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.gandan.support.security.PortalKeyStore;

/**
 * Intake, the only service portals call, keeps the keys issued at runtime in its own database. Declaring the store
 * here is what makes service-support's {@code PortalKeys} ask it after the configured keys.
 */
@Configuration(proxyBeanMethods = false)
class PortalKeysConfiguration {

    /**
     * @param cacheTtl how long a lookup is trusted: a revocation made on another instance is seen within it
     * @param cacheSize how many lookups are kept at most
     */
    @Bean
    PortalKeyStore portalKeyStore(
            MongoTemplate mongo,
            Clock clock,
            @Value("${gandan.security.portal-keys.cache-ttl:30s}") Duration cacheTtl,
            @Value("${gandan.security.portal-keys.cache-size:10000}") int cacheSize) {
        return new PortalKeyStore(mongo, clock, cacheTtl, cacheSize);
    }
}
