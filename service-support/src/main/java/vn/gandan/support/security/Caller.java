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
 */
public record Caller(String name, Set<Role> roles, String provinceCode, String authorityId) {

    public Caller {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A caller sees a province's petitions only if it acts for that province (or is a national admin). */
    public boolean mayAccessProvince(String code) {
        return provinceCode == null ? has(Role.ADMIN) : provinceCode.equals(code);
    }
}
