package vn.gandan.routing.authority;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gandan.adminunits.AdminUnits;

/**
 * The directory is seeded and loaded while the context starts, before the listeners that route petitions run: a
 * service that cannot read its directory does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthoritiesProperties.class)
class AuthorityConfiguration {

    @Bean
    StoredAuthorityDirectory authorityDirectory(AuthorityStore store, Clock clock) {
        StoredAuthorityDirectory directory = new StoredAuthorityDirectory(store, AdminUnits.official(), clock);
        directory.seed();
        return directory;
    }

    @Bean
    DirectoryRefresh authorityDirectoryRefresh(StoredAuthorityDirectory directory, AuthoritiesProperties properties) {
        return new DirectoryRefresh(directory, properties.refreshInterval());
    }
}
