package vn.gandan.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gandan.support.web.ProblemWriter;

/**
 * Authenticates portals by the {@code X-Api-Key} header. The key itself is never stored or logged. An unknown or
 * revoked key is a 401; a key that cannot be checked because the key store is unreachable is a 503 with
 * {@code Retry-After}.
 */
class PortalApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private static final Logger log = LoggerFactory.getLogger(PortalApiKeyFilter.class);

    private final PortalKeys keys;

    PortalApiKeyFilter(PortalKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            java.util.Optional<CallerAuthentication> portal;
            try {
                portal = keys.authenticate(key);
            } catch (PortalKeyStoreUnavailableException e) {
                log.warn(
                        "Cannot check a portal key: {}", e.getCause().getClass().getSimpleName());
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(PortalKeyStoreUnavailableException.RETRY_AFTER_SECONDS));
                ProblemWriter.write(
                        request, response, HttpStatus.SERVICE_UNAVAILABLE, "gandan.problem.api-key-unavailable");
                return;
            }
            if (portal.isEmpty()) {
                ProblemWriter.write(
                        request, response, HttpStatus.UNAUTHORIZED, "gandan.problem.api-key-invalid", HEADER);
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(portal.get());
        }
        chain.doFilter(request, response);
    }
}
