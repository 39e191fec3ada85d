package vn.gandan.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A fingerprint of a request as accepted, to tell a retry from a different petition under the same key. */
final class RequestDigests {

    private RequestDigests() {}

    /**
     * Records print every component in order, so equal requests give equal digests. A historical import of a
     * reference is a different request from a live submission of it.
     */
    static String of(NewPetition request, boolean historical) {
        String printed = historical ? "historical " + request : request.toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(printed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
