package vn.gandan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one event with personal data refuses what notification could not use, and keeps its addresses quiet. */
class CitizenConsentUnitTests {

    private static final Instant AT = Instant.parse("2025-09-15T01:47:13Z");

    private static CitizenNotificationsConsented consent(String language, String email, String sms, String zalo) {
        return new CitizenNotificationsConsented(
                UUID.randomUUID(), Samples.PETITION_ID, AT, "NA-2025-004217", language, email, sms, zalo);
    }

    @Test
    void aConsentNeedsAnAddress() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> consent("vi", null, null, null))
                .withMessageContaining("at least one");
        assertThat(consent("vi", null, null, "+84912345678").zalo()).isEqualTo("+84912345678");
    }

    @Test
    void aConsentNeedsAKnownLanguageAndE164PhonesWithoutRepeatingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> consent("fr", "an@example.vn", null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> consent("vi", null, "0912345678", null))
                .withMessageNotContaining("0912345678");
        assertThatThrownBy(() -> consent(null, "an@example.vn", null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void itsTextNamesTheChannelsButNotTheAddresses() {
        String text = Samples.notificationsConsented().toString();

        assertThat(text)
                .contains("NA-2025-004217", "language=vi", "email=<given>", "sms=<given>")
                .doesNotContain("+84912345678", "nguyen.van.an");
        assertThat(consent("en", null, "+84912345678", null).toString()).contains("email=none", "zalo=none");
    }

    @Test
    void aPayloadWithoutAnyAddressIsUnreadable() {
        byte[] payload = """
                {"eventId":"4a9d7e21-c3b8-4f56-9e0a-1d2c7b8f3e64","petitionId":"b7e4d2c9-1a35-4f86-8d0e-2c9f6a71e5b4",
                 "occurredAt":"2025-09-15T01:47:13Z","trackingCode":"NA-2025-004217","language":"vi"}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new PetitionEventCodec().fromJson(EventType.CITIZEN_NOTIFICATIONS_CONSENTED, payload))
                .isInstanceOf(UnreadableEventException.class);
    }
}
