package vn.gandan.support.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller}, whatever the mechanism that proved it. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
        this.caller = caller;
        setAuthenticated(true);
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
