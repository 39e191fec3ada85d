package vn.gandan.support.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a portal's key may do, granted to the caller as Spring authorities {@code SCOPE_<scope>}, so that a
 * controller says {@code @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:write')")}. People have
 * no scopes: their roles decide. Keys configured in {@code gandan.security.portals[]} have them all.
 */
public final class Scopes {

    /** Submit petitions: the native POSTs (one, batch) and Open311's {@code POST requests}. */
    public static final String PETITIONS_WRITE = "petitions:write";

    /** Read the province's petitions: the native GETs and Open311's {@code GET requests}, {@code tokens}. */
    public static final String PETITIONS_READ = "petitions:read";

    /** Every scope there is; a key's scopes are a non-empty subset. */
    public static final Set<String> ALL = Set.of(PETITIONS_WRITE, PETITIONS_READ);

    /** The prefix of a scope's authority, as Spring Security's resource server has it. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    private Scopes() {}

    public static String authority(String scope) {
        return AUTHORITY_PREFIX + scope;
    }

    public static boolean isKnown(String scope) {
        return scope != null && ALL.contains(scope);
    }

    /** For messages: the known scopes in a stable order. */
    public static String known() {
        return String.join(", ", new TreeSet<>(ALL));
    }

    /** @return the scopes not in {@link #ALL}, in a stable order */
    public static Set<String> unknown(Collection<String> scopes) {
        Set<String> unknown = new TreeSet<>();
        for (String scope : scopes) {
            if (!isKnown(scope)) {
                unknown.add(String.valueOf(scope));
            }
        }
        return unknown;
    }
}
