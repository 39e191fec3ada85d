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
import org.springframework.util.unit.DataSize;
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
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "gandan.problem.body-too-large",
                    readable(limits.maxBody()));
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
                        request, response, HttpStatus.TOO_MANY_REQUESTS, "gandan.problem.too-many-requests");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** {@code 10 MB}, {@code 512 KB} or {@code 1500 B}: the limit as a caller reads it, in any language. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes > 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " B";
    }
}
