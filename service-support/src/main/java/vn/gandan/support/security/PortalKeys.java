package vn.gandan.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The portals' API keys, known only by their SHA-256 digests. Every way a portal may present its key (the
 * native {@code X-Api-Key}, Open311's {@code api_key}) asks here, so a key means the same caller everywhere.
 */
public final class PortalKeys {

    private final Map<String, SecurityProperties.Portal> portalsByDigest;

    public PortalKeys(SecurityProperties properties) {
        this.portalsByDigest = properties.portals().stream()
                .collect(Collectors.toMap(p -> p.keySha256().toLowerCase(Locale.ROOT), Function.identity()));
    }

    /** @return the portal's authentication, or empty if the key is not known */
    public Optional<CallerAuthentication> authenticate(String key) {
        return Optional.ofNullable(portalsByDigest.get(sha256(key)))
                .map(portal -> new CallerAuthentication(
                        new Caller("portal:" + portal.id(), Set.of(Role.PORTAL), portal.province(), null)));
    }

    static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
