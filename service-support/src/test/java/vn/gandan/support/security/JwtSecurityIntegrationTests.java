package vn.gandan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.gandan.support.testapp.SupportTestApplication;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * People with bearer tokens, as in production: no demo users, no portal keys, a JWT signed by the province's
 * identity provider, whose public key the service is given. Its own context (its listener stays stopped, so it
 * takes no partitions from the shared context's group).
 */
@SpringBootTest(
        classes = SupportTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.auto-startup=false", "spring.mongodb.database=gandan_support_jwt"})
@RealInfrastructure
class JwtSecurityIntegrationTests {

    static final KeyPair identityProvider = rsaKeyPair();
    static final KeyPair impostor = rsaKeyPair();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("gandan-idp-", ".pem");
        pem.toFile().deleteOnExit();
        String body = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(identityProvider.getPublic().getEncoded());
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    Http bearer(String token) {
        return Http.at(port).withHeader("Authorization", "Bearer " + token);
    }

    @Test
    void aSignedTokenMakesTheCallerOfItsClaims() {
        String token = token(identityProvider, Instant.now().plus(Duration.ofMinutes(5)), List.of("operator"));

        Http.Response response = bearer(token).get("/api/v1/whoami");

        assertThat(response.status()).isEqualTo(200);
        JsonNode caller = response.json();
        assertThat(caller.get("name").asString()).isEqualTo("nguyen.thi.hoa");
        assertThat(caller.get("roles")).hasSize(1);
        assertThat(caller.get("roles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(caller.get("provinceCode").asString()).isEqualTo("40");
    }

    @Test
    void rolesOfTheTokenDecideMethodRules() {
        Instant exp = Instant.now().plus(Duration.ofMinutes(5));

        assertThat(bearer(token(identityProvider, exp, List.of("operator")))
                        .get("/api/v1/reports/monthly")
                        .status())
                .isEqualTo(403);
        assertThat(bearer(token(identityProvider, exp, List.of("analyst", "unknown-role")))
                        .get("/api/v1/reports/monthly")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Beyond the validator's 60 s of allowed clock skew.
        String token = token(identityProvider, Instant.now().minus(Duration.ofMinutes(10)), List.of("operator"));

        Http.Response response = bearer(token).get("/api/v1/whoami");

        assertUnauthorized(response);
        assertThat(response.json().get("detail").asString()).isEqualTo("The bearer token is not valid.");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = token(impostor, Instant.now().plus(Duration.ofMinutes(5)), List.of("operator"));

        assertUnauthorized(bearer(token).get("/api/v1/whoami"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = token(identityProvider, Instant.now().plus(Duration.ofMinutes(5)), List.of("operator"));
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"operator\"", "\"admin\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];

        assertUnauthorized(bearer(tampered).get("/api/v1/whoami"));
    }

    @Test
    void withoutATokenTheAnswerAsksForOne() {
        Http.Response response = Http.at(port).get("/api/v1/whoami");

        assertUnauthorized(response);
        assertThat(Challenges.of(port, "/api/v1/whoami", null)).startsWith("Bearer");
    }

    @Test
    void aBadTokenIsChallengedAsRfc6750Says() {
        String token = token(impostor, Instant.now().plus(Duration.ofMinutes(5)), List.of("operator"));

        assertThat(Challenges.of(port, "/api/v1/whoami", "Bearer " + token))
                .startsWith("Bearer")
                .contains("error=\"invalid_token\"");
    }

    @Test
    void demoUsersAndPortalKeysExistOnlyInTheLocalProfile() {
        assertThat(Http.at(port)
                        .withBasic("operator", "operator")
                        .get("/api/v1/whoami")
                        .status())
                .isEqualTo(401);
        assertThat(Http.at(port)
                        .withApiKey("demo-portal-key")
                        .get("/api/v1/whoami")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void healthStaysOpen() {
        assertThat(Http.at(port).get("/actuator/health").status()).isEqualTo(200);
    }

    static void assertUnauthorized(Http.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    static String token(KeyPair signer, Instant expiresAt, List<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("3b9c7e1a-52d4-4f0b-9a6e-d81c2f4b7a90")
                .issuer("https://sso.nghean.gov.vn/realms/gandan")
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .claim("preferred_username", "nguyen.thi.hoa")
                .claim("roles", roles)
                .claim("province", "40")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(signer.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
