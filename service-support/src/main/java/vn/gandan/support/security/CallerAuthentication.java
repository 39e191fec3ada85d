package vn.gandan.support.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}, whatever the mechanism that proved it. Its authorities are the caller's roles
 * ({@code ROLE_PORTAL}) and scopes ({@code SCOPE_petitions:write}).
 */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(authoritiesOf(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authoritiesOf(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .forEach(authorities::add);
        caller.scopes().stream()
                .sorted()
                .map(scope -> new SimpleGrantedAuthority(Scopes.authority(scope)))
                .forEach(authorities::add);
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name();
    }

    static List<Role> rolesOf(Object claim) {
        if (!(claim instanceof java.util.Collection<?> values)) {
            return List.of();
        }
        return values.stream()
                .map(String::valueOf)
                .map(value -> value.toUpperCase(java.util.Locale.ROOT))
                .filter(value -> java.util.Arrays.stream(Role.values())
                        .anyMatch(r -> r.name().equals(value)))
                .map(Role::valueOf)
                .toList();
    }
}
