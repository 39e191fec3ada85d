package vn.gandan.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureUnitTests {

    static final byte[] SECRET = "portal-shared-secret".getBytes(StandardCharsets.UTF_8);
    static final byte[] BODY = "{\"petitionId\":\"p-1\"}".getBytes(StandardCharsets.UTF_8);
    static final long TIMESTAMP = 1_700_000_000L;
    static final Instant SENT = Instant.ofEpochSecond(TIMESTAMP);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void isHmacSha256OfTimestampDotBodyInLowerCaseHex() {
        // Computed apart, as a portal would:
        // printf '1700000000.{"petitionId":"p-1"}' | openssl dgst -sha256 -hmac portal-shared-secret
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("v1=03ce050ecc465112fa2e8aab05d34c0dcd624ba6fb6eea6d95554cedfe96f415");
    }

    @Test
    void verifiesWithinTheToleranceOnly() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        String timestamp = Long.toString(TIMESTAMP);

        assertThat(WebhookSignature.verify(SECRET, timestamp, signature, BODY, SENT.plusSeconds(299), FIVE_MINUTES))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, timestamp, signature, BODY, SENT.plusSeconds(301), FIVE_MINUTES))
                .as("a replay after the window")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, timestamp, signature, BODY, SENT.minusSeconds(301), FIVE_MINUTES))
                .as("a timestamp from the future")
                .isFalse();
    }

    @Test
    void refusesAnotherBodyTimestampSecretOrVersion() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        byte[] otherBody = "{\"petitionId\":\"p-2\"}".getBytes(StandardCharsets.UTF_8);
        byte[] otherSecret = "another-shared-secret".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify(SECRET, "1700000000", signature, otherBody, SENT, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000001", signature, BODY, SENT, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(otherSecret, "1700000000", signature, BODY, SENT, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, "1700000000", signature.replace("v1=", "v0="), BODY, SENT, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "not-a-number", signature, BODY, SENT, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", "v1=zz", BODY, SENT, FIVE_MINUTES))
                .isFalse();
    }
}
