package vn.gandan.intake.submission;

import java.security.SecureRandom;

/**
 * Human tracking codes such as {@code 40-7K3D9Q2M}: the province, then 8 characters of Crockford base32 (no I, L,
 * O, U, so it reads aloud over a hotline without confusion). Uniqueness is enforced by a unique index.
 */
final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom random = new SecureRandom();

    private TrackingCodes() {}

    static String next(String provinceCode) {
        StringBuilder code = new StringBuilder(provinceCode).append('-');
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
