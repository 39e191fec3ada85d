package vn.gandan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class SecurityUnitTests {

    @Test
    void rolesOfAClaimAreMatchedCaseInsensitivelyAndUnknownOnesDropped() {
        assertThat(CallerAuthentication.rolesOf(List.of("operator", "Analyst", "superuser")))
                .containsExactly(Role.OPERATOR, Role.ANALYST);
        assertThat(CallerAuthentication.rolesOf("operator")).isEmpty();
        assertThat(CallerAuthentication.rolesOf(null)).isEmpty();
    }

    @Test
    void aCallerAuthenticationGrantsItsRolesAsAuthorities() {
        var authentication = new CallerAuthentication(new Caller("analyst", Set.of(Role.ANALYST), "40", null));

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo("analyst");
        assertThat(authentication.getAuthorities())
                .map(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ANALYST");
        assertThat(authentication.getCredentials()).isNull();
    }

    @Test
    void aJwtBecomesACaller() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("3b9c7e1a-52d4-4f0b-9a6e-d81c2f4b7a90")
                .claim("preferred_username", "tran.van.binh")
                .claim("roles", List.of("responder"))
                .claim("province", "40")
                .claim("authority", "ubnd-17605")
                .issuedAt(Instant.now())
                .build();

        Caller caller = SecurityAutoConfiguration.fromJwt(jwt).getPrincipal();

        assertThat(caller).isEqualTo(new Caller("tran.van.binh", Set.of(Role.RESPONDER), "40", "ubnd-17605"));
    }

    @Test
    void aJwtWithoutAUsernameIsNamedBySubject() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("3b9c7e1a-52d4-4f0b-9a6e-d81c2f4b7a90")
                .claim("roles", List.of("admin"))
                .build();

        Caller caller = SecurityAutoConfiguration.fromJwt(jwt).getPrincipal();

        assertThat(caller.name()).isEqualTo("3b9c7e1a-52d4-4f0b-9a6e-d81c2f4b7a90");
        assertThat(caller.roles()).containsExactly(Role.ADMIN);
        assertThat(caller.provinceCode()).isNull();
    }

    @Test
    void jurisdictionIsTheCallersProvinceOrEverywhereForAnAdmin() {
        var operator = new Caller("operator", Set.of(Role.OPERATOR), "40", null);
        var admin = new Caller("admin", Set.of(Role.ADMIN), null, null);
        var lostOperator = new Caller("operator", Set.of(Role.OPERATOR), null, null);

        assertThat(operator.mayAccessProvince("40")).isTrue();
        assertThat(operator.mayAccessProvince("38")).isFalse();
        assertThat(admin.mayAccessProvince("38")).isTrue();
        assertThat(lostOperator.mayAccessProvince("40")).isFalse();
    }

    @Test
    void theDemoPortalKeyDigestInGandanCommonIsTheKeys() {
        assertThat(PortalKeys.sha256("demo-portal-key"))
                .isEqualTo("9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90");
    }
}
