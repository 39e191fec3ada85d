package vn.gandan.support.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Portal keys and (local profile only) demo users. Keys are stored only as SHA-256 hex digests.
 *
 * @param portals the portals allowed to call, each bound to one province
 * @param users HTTP Basic users; leave empty in production, where people come with bearer tokens
 */
@ConfigurationProperties("gandan.security")
public record SecurityProperties(List<Portal> portals, List<User> users) {

    public SecurityProperties {
        portals = portals == null ? List.of() : List.copyOf(portals);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param keySha256 hex SHA-256 of the portal's API key */
    public record Portal(String id, String province, String keySha256) {}

    /** @param password in Spring Security's encoded form, e.g. {@code {bcrypt}...} */
    public record User(String name, String password, Set<Role> roles, String province, String authority) {}
}
