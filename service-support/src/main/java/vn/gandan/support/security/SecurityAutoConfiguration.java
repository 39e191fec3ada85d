package vn.gandan.support.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.gandan.support.web.ProblemWriter;

/**
 * The security baseline of every service: actuator health and metrics open, everything else authenticated;
 * portals by API key, people by JWT bearer tokens when an issuer is configured, by HTTP Basic when demo users
 * are configured (local profile only). No sessions: every call proves itself.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            // Else, with a JWT decoder configured, Boot adds its own any-request chain first and start-up fails.
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    /** JWT claims that carry roles and jurisdiction, as the province's identity provider issues them. */
    static final String ROLES_CLAIM = "roles";

    static final String PROVINCE_CLAIM = "province";
    static final String AUTHORITY_CLAIM = "authority";

    /** Every service's administration API, for {@link Role#ADMIN} only. */
    static final String ADMIN_API = "/api/v1/admin/**";

    @Bean
    SecurityFilterChain gandanSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            PortalKeys portalKeys,
            ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/actuator/info",
                                "/error",
                                // The API's own description is public, as portals need it to integrate.
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        // Admin APIs are refused to anyone else before a body is read or validated.
                        .requestMatchers(ADMIN_API)
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new PortalApiKeyFilter(portalKeys), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", bearer ? "Bearer" : "Basic realm=\"gandan\"");
                            ProblemWriter.write(
                                    request,
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "gandan.problem.authentication-required");
                        })
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(
                                request, response, HttpStatus.FORBIDDEN, "gandan.problem.forbidden")));
        if (!properties.users().isEmpty()) {
            // Bad credentials get the same problem document as missing ones, not Boot's JSON error page.
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, failure) -> {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"gandan\"");
                        ProblemWriter.write(
                                request, response, HttpStatus.UNAUTHORIZED, "gandan.problem.bad-credentials");
                    }))
                    .authenticationProvider(demoUsers(properties.users()));
        }
        if (bearer) {
            // A bad token keeps RFC 6750's WWW-Authenticate (error="invalid_token") and gets a problem document too.
            var bearerChallenge = new BearerTokenAuthenticationEntryPoint();
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint((request, response, failure) -> {
                        bearerChallenge.commence(request, response, failure);
                        ProblemWriter.write(
                                request, response, HttpStatus.UNAUTHORIZED, "gandan.problem.bearer-token-invalid");
                    })
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityAutoConfiguration::fromJwt)));
        }
        return http.build();
    }

    /**
     * The configured keys, and the keys issued at runtime when the service declares a {@link PortalKeyStore} bean
     * (intake does: only it serves portals).
     */
    @Bean
    PortalKeys portalKeys(SecurityProperties properties, ObjectProvider<PortalKeyStore> store) {
        return new PortalKeys(properties, store.getIfAvailable());
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    static CallerAuthentication fromJwt(Jwt jwt) {
        String name =
                jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        Set<Role> roles = Set.copyOf(CallerAuthentication.rolesOf(jwt.getClaim(ROLES_CLAIM)));
        return new CallerAuthentication(
                new Caller(name, roles, jwt.getClaimAsString(PROVINCE_CLAIM), jwt.getClaimAsString(AUTHORITY_CLAIM)));
    }

    private static AuthenticationProvider demoUsers(List<SecurityProperties.User> users) {
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, SecurityProperties.User> byName =
                users.stream().collect(Collectors.toMap(SecurityProperties.User::name, Function.identity()));
        return new AuthenticationProvider() {
            @Override
            public CallerAuthentication authenticate(org.springframework.security.core.Authentication request) {
                SecurityProperties.User user = byName.get(request.getName());
                Object password = request.getCredentials();
                if (user == null || password == null || !passwords.matches(password.toString(), user.password())) {
                    throw new BadCredentialsException("bad credentials");
                }
                return new CallerAuthentication(
                        new Caller(user.name(), user.roles(), user.province(), user.authority()));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
