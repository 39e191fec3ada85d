package vn.gandan.support.web;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;

/**
 * Limits every portal to its own rate (Resilience4j, one limiter per portal, so one busy portal cannot starve
 * the others) and refuses oversized bodies before they are read. Runs after authentication.
 */
class RequestLimitsFilter extends OncePerRequestFilter {

    private final RequestLimitsProperties limits;
    private final RateLimiterRegistry limiters;

    RequestLimitsFilter(RequestLimitsProperties limits) {
        this.limits = limits;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(limits.portalRequests())
                .limitRefreshPeriod(limits.portalPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limits.maxBody().toBytes()) {
            ProblemWriter.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + limits.maxBody().toMegabytes() + " MB.");
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Caller caller
                && caller.has(Role.PORTAL)) {
            RateLimiter limiter = limiters.rateLimiter(caller.name());
            if (!limiter.acquirePermission()) {
                long seconds = Math.max(1, limits.portalPeriod().toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                ProblemWriter.write(
                        response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this portal; slow down.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
