package vn.gandan.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts subscription secrets at rest with AES-256-GCM. The subscription's id is the associated data, so a
 * ciphertext copied onto another subscription does not decrypt. Stored as base64 of nonce (12 bytes) followed by
 * ciphertext and tag.
 */
final class SecretCipher {

    static final String KEY_PROPERTY = "gandan.notification.webhooks.secret-key";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @throws IllegalStateException without a key, or with one that is not base64 of 32 bytes: no start-up then */
    SecretCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(KEY_PROPERTY
                    + " is not set: webhook secrets cannot be stored without it (a base64 AES key of 32 bytes,"
                    + " e.g. from `openssl rand -base64 32`)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(KEY_PROPERTY + " must be " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    String encrypt(String subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    /**
     * @return the secret's bytes (UTF-8), the HMAC key
     * @throws IllegalStateException when it was encrypted under another key or for another subscription
     */
    byte[] decrypt(String subscriptionId, String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("stored webhook secret is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), subscriptionId);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Never the cause's text: it says nothing useful and the message may end up in a delivery's reason.
            throw new IllegalStateException("stored webhook secret does not decrypt under the configured key");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
