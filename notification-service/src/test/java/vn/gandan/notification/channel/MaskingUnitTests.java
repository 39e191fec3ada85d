package vn.gandan.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingUnitTests {

    @Test
    void addressesKeepEnoughToTellThemApart() {
        assertThat(Masking.address("email", "nguyen@example.vn")).isEqualTo("n***@example.vn");
        assertThat(Masking.address("sms", "+84912345678")).isEqualTo("+8491****678");
        assertThat(Masking.address("webhook", "sub-17")).isEqualTo("sub-17");
    }

    @Test
    void scrubRemovesSecretsWhereverTheyAppear() {
        assertThat(Masking.scrub("bad key tok-123, really tok-123", "tok-123")).isEqualTo("bad key ***, really ***");
    }

    @Test
    void scrubMasksEmailAddressesAndPhoneNumbersInFreeText() {
        String scrubbed =
                Masking.scrub("550 <nguyen.van.an@example.vn> unknown; phone +84 912 345 678 or 84912345678 invalid");

        assertThat(scrubbed)
                .doesNotContain("nguyen.van.an", "912 345 678", "84912345678")
                .contains("n***@example.vn", "+8491****678", "84912****678");
    }

    @Test
    void scrubLeavesShortNumbersAlone() {
        assertThat(Masking.scrub("HTTP 503 after 3 attempts, error -108"))
                .isEqualTo("HTTP 503 after 3 attempts, error -108");
    }

    @Test
    void scrubFlattensLinesAndCutsLongText() {
        assertThat(Masking.scrub("line one\r\nline two")).isEqualTo("line one line two");
        String scrubbed = Masking.scrub("x".repeat(500));
        assertThat(scrubbed).hasSize(Masking.MAX_SCRUBBED_LENGTH).endsWith("\u2026");
    }

    @Test
    void scrubOfNothingIsNothing() {
        assertThat(Masking.scrub(null, "secret")).isNull();
        assertThat(Masking.scrub("no secrets", (String) null, "")).isEqualTo("no secrets");
    }
}
