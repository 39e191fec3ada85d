package vn.gandan.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a portal checks: {@code X-Gandan-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * where {@code timestamp} is the {@code X-Gandan-Timestamp} header (Unix seconds) as sent and {@code body} the raw
 * request body bytes. The timestamp is signed so that a captured request cannot be replayed after the tolerance
 * window; within it, {@code Idempotency-Key} tells a repeat.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Gandan-Signature";
    static final String TIMESTAMP_HEADER = "X-Gandan-Timestamp";
    static final String VERSION = "v1=";

    private WebhookSignature() {}

    static String sign(byte[] secret, long timestamp, byte[] body) {
        return VERSION + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * What a portal does, kept here as the reference the README describes: the timestamp within {@code tolerance}
     * of {@code now}, and the MAC compared in constant time.
     */
    static boolean verify(
            byte[] secret,
            String timestampHeader,
            String signatureHeader,
            byte[] body,
            Instant now,
            Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(VERSION)) {
            return false;
        }
        long timestamp;
        byte[] given;
        try {
            timestamp = Long.parseLong(timestampHeader);
            given = HexFormat.of().parseHex(signatureHeader.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given);
    }

    private static byte[] mac(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
