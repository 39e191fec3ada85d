package vn.gandan.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretCipherUnitTests {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void roundTripsAndNeverStoresThePlainSecret() {
        SecretCipher cipher = new SecretCipher(KEY);
        String stored = cipher.encrypt("sub-1", "một bí mật rất dài");

        assertThat(stored).doesNotContain("bí mật");
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8))
                .doesNotContain("bí mật");
        assertThat(new String(cipher.decrypt("sub-1", stored), StandardCharsets.UTF_8))
                .isEqualTo("một bí mật rất dài");
    }

    @Test
    void aFreshNonceEachTime() {
        SecretCipher cipher = new SecretCipher(KEY);

        assertThat(cipher.encrypt("sub-1", "same-secret-16chars"))
                .isNotEqualTo(cipher.encrypt("sub-1", "same-secret-16chars"));
    }

    @Test
    void doesNotDecryptForAnotherSubscriptionOrUnderAnotherKey() {
        String stored = new SecretCipher(KEY).encrypt("sub-1", "a-secret-of-16-chars");

        assertThatThrownBy(() -> new SecretCipher(KEY).decrypt("sub-2", stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("a-secret");
        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).decrypt("sub-1", stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWithoutAProperKey() {
        assertThatThrownBy(() -> new SecretCipher(null)).hasMessageContaining(SecretCipher.KEY_PROPERTY);
        assertThatThrownBy(() -> new SecretCipher(" ")).hasMessageContaining(SecretCipher.KEY_PROPERTY);
        assertThatThrownBy(() -> new SecretCipher("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
