package vn.gandan.routing.authority;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param refreshInterval how often an instance reads the directory's revision counter: a change made through another
 *     instance is used for routing within it
 */
@ConfigurationProperties("gandan.routing.authorities")
record AuthoritiesProperties(Duration refreshInterval) {

    AuthoritiesProperties {
        refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofSeconds(30);
    }
}
