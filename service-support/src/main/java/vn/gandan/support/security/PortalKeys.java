package vn.gandan.support.security;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The portals' API keys, known only by their SHA-256 digests: those configured in {@code gandan.security.portals[]}
 * (every scope), then those issued at runtime into the {@link PortalKeyStore}, when the service has one. Every
 * way a portal may present its key (the native {@code X-Api-Key}, Open311's {@code api_key}) asks here, so a key
 * means the same caller everywhere: {@code portal:<id>}, {@link Role#PORTAL}, its province and its scopes.
 */
public final class PortalKeys {

    private final Map<String, SecurityProperties.Portal> portalsByDigest;
    private final PortalKeyStore store;

    public PortalKeys(SecurityProperties properties) {
        this(properties, null);
    }

    /** @param store the keys issued at runtime, or null when the service has none */
    public PortalKeys(SecurityProperties properties, PortalKeyStore store) {
        this.portalsByDigest = properties.portals().stream()
                .collect(Collectors.toMap(p -> p.keySha256().toLowerCase(Locale.ROOT), Function.identity()));
        this.store = store;
    }

    /**
     * @return the portal's authentication, or empty if the key is not known or was revoked
     * @throws PortalKeyStoreUnavailableException when the key is not configured and the store cannot be asked
     *     (after at most MongoDB's server-selection timeout)
     */
    public Optional<CallerAuthentication> authenticate(String key) {
        String digest = sha256(key);
        SecurityProperties.Portal configured = portalsByDigest.get(digest);
        if (configured != null) {
            return Optional.of(
                    new CallerAuthentication(Caller.portal(configured.id(), configured.province(), Scopes.ALL)));
        }
        if (store == null || !ApiKeys.mayBeIssued(key)) {
            return Optional.empty();
        }
        try {
            return store.active(digest)
                    .map(issued -> new CallerAuthentication(
                            Caller.portal(issued.portalId(), issued.province(), issued.scopes())));
        } catch (DataAccessResourceFailureException | TransientDataAccessException unreachable) {
            throw new PortalKeyStoreUnavailableException(unreachable);
        }
    }

    /** @return the province a configured portal acts for, or empty if no configured key names this portal */
    public Optional<String> configuredProvince(String portalId) {
        return portalsByDigest.values().stream()
                .filter(portal -> portal.id().equals(portalId))
                .map(SecurityProperties.Portal::province)
                .findFirst();
    }

    static String sha256(String key) {
        return ApiKeys.sha256(key);
    }
}
