package vn.gandan.support.security;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller with the jurisdiction that limits what it sees. Controllers take it as a parameter.
 *
 * @param name for audit; never a secret
 * @param roles at least one
 * @param provinceCode the province it acts for; null only for {@link Role#ADMIN}
 * @param authorityId the authority a responder belongs to, or null
 * @param scopes what a portal's key may do ({@link Scopes}); empty for people, whose roles decide
 */
public record Caller(String name, Set<Role> roles, String provinceCode, String authorityId, Set<String> scopes) {

    public Caller {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A caller without scopes: a person, whose roles decide what it may do. */
    public Caller(String name, Set<Role> roles, String provinceCode, String authorityId) {
        this(name, roles, provinceCode, authorityId, Set.of());
    }

    /** Portals are named {@code portal:<id>}: one name per portal, whichever of its keys it calls with. */
    private static final String PORTAL_PREFIX = "portal:";

    /** A portal acting for one province with what its key may do. */
    public static Caller portal(String portalId, String provinceCode, Set<String> scopes) {
        return new Caller(PORTAL_PREFIX + portalId, Set.of(Role.PORTAL), provinceCode, null, scopes);
    }

    /** @return the portal's id ({@code nghe-an-demo} for {@code portal:nghe-an-demo}), or null for a person */
    public String portalId() {
        return has(Role.PORTAL) && name.startsWith(PORTAL_PREFIX) ? name.substring(PORTAL_PREFIX.length()) : null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** A caller sees a province's petitions only if it acts for that province (or is a national admin). */
    public boolean mayAccessProvince(String code) {
        return provinceCode == null ? has(Role.ADMIN) : provinceCode.equals(code);
    }
}
