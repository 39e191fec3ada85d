package vn.gandan.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gandan.support.web.ProblemWriter;

/** Authenticates portals by the {@code X-Api-Key} header. The key itself is never stored or logged. */
class PortalApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final PortalKeys keys;

    PortalApiKeyFilter(PortalKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            var portal = keys.authenticate(key);
            if (portal.isEmpty()) {
                ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "The API key in " + HEADER + " is not valid.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(portal.get());
        }
        chain.doFilter(request, response);
    }
}
