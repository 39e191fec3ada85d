package vn.gandan.intake.open311;

import static vn.gandan.intake.open311.Open311ServicesController.BASE;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gandan.support.security.CallerAuthentication;
import vn.gandan.support.security.PortalKeyStoreUnavailableException;
import vn.gandan.support.security.PortalKeys;
import vn.gandan.support.security.Role;
import vn.gandan.support.security.Scopes;

/**
 * Security for {@code /open311/**}, ahead of the service's own chain: the spec's reads of services open to all,
 * everything else for portals, which prove themselves with the {@code api_key} parameter (or {@code X-Api-Key}),
 * checked against the same keys as the native API (configured, or issued at runtime). Filing a request needs a key
 * with the {@code petitions:write} scope, reading requests and tokens one with {@code petitions:read}. Refusals are
 * the spec's error lists with its 403 (a missing, unknown or revoked key, or a missing scope); a key that cannot be
 * checked because the store is unreachable gets a 503 with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    static final String API_KEY_PARAMETER = "api_key";
    static final String API_KEY_HEADER = "X-Api-Key";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain open311SecurityFilterChain(HttpSecurity http, PortalKeys portalKeys, Open311Responses responses)
            throws Exception {
        http.securityMatcher("/open311/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                BASE + "/discovery.json",
                                BASE + "/discovery.xml",
                                BASE + "/services.json",
                                BASE + "/services.xml",
                                BASE + "/services/*")
                        .permitAll()
                        // Filing needs a key with petitions:write, following requests one with petitions:read.
                        .requestMatchers(HttpMethod.POST, BASE + "/requests.*")
                        .hasAllAuthorities(Role.PORTAL.authority(), Scopes.authority(Scopes.PETITIONS_WRITE))
                        .requestMatchers(HttpMethod.GET, BASE + "/requests.*", BASE + "/requests/*", BASE + "/tokens/*")
                        .hasAllAuthorities(Role.PORTAL.authority(), Scopes.authority(Scopes.PETITIONS_READ))
                        .anyRequest()
                        .hasRole(Role.PORTAL.name()))
                .addFilterBefore(new ApiKeyFilter(portalKeys, responses), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> responses.writeError(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "api_key is missing: this call needs a portal's API key"))
                        .accessDeniedHandler((request, response, denied) -> responses.writeError(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "This api_key may not do that: it lacks the scope the call needs")));
        return http.build();
    }

    /**
     * A portal's key, from the header or the spec's parameter (query or form), as the same caller the native API
     * sees: {@code portal:<id>} with the portal's province. Only SHA-256 digests are configured.
     */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

        private final PortalKeys keys;
        private final Open311Responses responses;

        ApiKeyFilter(PortalKeys keys, Open311Responses responses) {
            this.keys = keys;
            this.responses = responses;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(API_KEY_HEADER);
            if (key == null) {
                key = request.getParameter(API_KEY_PARAMETER);
            }
            if (key != null && !key.isEmpty()) {
                Optional<CallerAuthentication> portal;
                try {
                    portal = keys.authenticate(key);
                } catch (PortalKeyStoreUnavailableException e) {
                    log.warn(
                            "Cannot check an Open311 api_key: {}",
                            e.getCause().getClass().getSimpleName());
                    response.setHeader(
                            HttpHeaders.RETRY_AFTER,
                            String.valueOf(PortalKeyStoreUnavailableException.RETRY_AFTER_SECONDS));
                    responses.writeError(
                            request,
                            response,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "The api_key cannot be checked now: the service cannot reach its store; try again"
                                    + " shortly");
                    return;
                }
                if (portal.isEmpty()) {
                    responses.writeError(request, response, HttpStatus.FORBIDDEN, "Invalid api_key received");
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(portal.get());
            }
            chain.doFilter(request, response);
        }
    }
}
