package vn.gandan.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates portals by the {@code X-Api-Key} header. The key itself is never stored or logged. */
class PortalApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Map<String, SecurityProperties.Portal> portalsByDigest;
    private final ProblemResponses problems;

    PortalApiKeyFilter(SecurityProperties properties, ProblemResponses problems) {
        this.portalsByDigest = properties.portals().stream()
                .collect(Collectors.toMap(p -> p.keySha256().toLowerCase(java.util.Locale.ROOT), Function.identity()));
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            SecurityProperties.Portal portal = portalsByDigest.get(sha256(key));
            if (portal == null) {
                problems.write(response, 401, "Unauthorized", "The API key in " + HEADER + " is not valid.");
                return;
            }
            var caller = new Caller("portal:" + portal.id(), Set.of(Role.PORTAL), portal.province(), null);
            SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
        }
        chain.doFilter(request, response);
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
