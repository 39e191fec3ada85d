package vn.gandan.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Portal API keys: how they are made and how they are known. A key is {@value #KEY_PREFIX} and 32 random bytes
 * (SecureRandom) in base64url, 256 bits, so a plain SHA-256 digest is enough to store it: nothing can be guessed
 * back from the digest. The prefix lets secret scanners and people recognize a gandan key.
 */
public final class ApiKeys {

    /** Every issued key starts with this. */
    public static final String KEY_PREFIX = "gd_";

    /** Every key's public id starts with this; the id may be shown and logged, the key never. */
    public static final String ID_PREFIX = "pk_";

    static final int KEY_BYTES = 32;
    static final int ID_BYTES = 8;

    /** Longer than any key we issue; a longer value is not looked up. */
    static final int MAX_KEY_LENGTH = 200;

    private static final SecureRandom random = new SecureRandom();
    private static final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

    private ApiKeys() {}

    /** A new secret key, to be shown once to whoever asked for it and then forgotten. */
    public static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return KEY_PREFIX + base64url.encodeToString(bytes);
    }

    /** A new public key id, such as {@code pk_3f9a0c1e2b7d4a65}. */
    public static String newKeyId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** @return the lower-case hex SHA-256 of the key's UTF-8 bytes, which is all that is ever stored */
    public static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only such a value can be an issued key; anything else is refused without asking the store. */
    static boolean mayBeIssued(String key) {
        return key.startsWith(KEY_PREFIX) && key.length() <= MAX_KEY_LENGTH;
    }
}
