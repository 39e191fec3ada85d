package vn.gandan.intake.repeats;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import vn.gandan.intake.submission.Petition;

/**
 * A stable pseudonym for a citizen, so other services can count repeat petitioners without ever holding a phone
 * number or e-mail address: HMAC-SHA256 of the identity number (else the E.164 phone, else the e-mail), with a
 * secret only intake knows. The identity number comes first because it stays with a person for life.
 */
@Component
public class CitizenPseudonyms {

    private final SecretKeySpec key;

    CitizenPseudonyms(RepeatProperties properties) {
        if (properties.citizenKey() == null || properties.citizenKey().isBlank()) {
            throw new IllegalStateException("gandan.intake.repeats.citizen-key must be set");
        }
        this.key = new SecretKeySpec(properties.citizenKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @return {@code c-} and 32 hex digits, or null when the citizen left no identity number, phone or e-mail */
    public String of(Petition.Citizen citizen) {
        if (citizen == null) {
            return null;
        }
        String contact = citizen.nationalId() != null
                ? "id:" + citizen.nationalId()
                : citizen.phone() != null
                        ? citizen.phone()
                        : citizen.email() != null ? citizen.email().trim().toLowerCase(Locale.ROOT) : null;
        if (contact == null || contact.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(contact.getBytes(StandardCharsets.UTF_8));
            return "c-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
