package vn.gandan.intake.normalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0912 345 678",
                "0912345678",
                "+84912345678",
                "+84 912 345 678",
                "84-912-345-678",
                "84912345678",
                "0912.345.678",
                "0912-345-678",
                "(+84) 912 345 678",
                "0084 912 345 678",
                "+84 (0) 912 345 678",
                "0912\u00A0345\u00A0678",
                "\u200B0912 345 678 "
            })
    void aMobileNumberInAnyCommonFormBecomesE164(String written) {
        PhoneResult result = PhoneNumbers.normalize(written);

        assertThat(result.isValid()).isTrue();
        assertThat(result.e164()).isEqualTo("+84912345678");
        assertThat(result.rejection()).isNull();
        assertThat(result.reasonEn()).isNull();
        assertThat(result.reasonVi()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(028) 3829 1234 | +842838291234",
                "024 3825 3536   | +842438253536",
                "0238.3844.123   | +842383844123",
                "+84 28 3829 1234 | +842838291234",
                "0388 123 456    | +84388123456",
                "086 234 5678    | +84862345678"
            })
    void landlinesAndOtherVietnameseRangesAreAccepted(String written, String e164) {
        assertThat(PhoneNumbers.normalize(written).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+33 1 42 68 53 00 | +33142685300",
                "0033 1 42 68 53 00 | +33142685300",
                "+1 202-456-1111 | +12024561111"
            })
    void aValidForeignNumberWithItsCountryCodeIsAccepted(String written, String e164) {
        assertThat(PhoneNumbers.normalize(written).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u200B"})
    void nothingIsRejectedAsEmpty(String written) {
        assertThat(PhoneNumbers.normalize(written).rejection()).isEqualTo(PhoneRejection.EMPTY);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0912abc678             | LETTERS",
                "1800-FLOWERS           | LETTERS",
                "0912 345 678 ext 12    | LETTERS",
                "không có               | LETTERS",
                "0912#345678            | CHARACTERS",
                "0912 345 678, 0987 654 321 | CHARACTERS",
                "0912 345               | TOO_SHORT",
                "113                    | TOO_SHORT",
                "0912 345 678 999 999   | TOO_LONG",
                "0123 456 789           | NOT_VIETNAMESE",
                "0168 123 4567          | NOT_VIETNAMESE",
                "0000 000 000           | NOT_VIETNAMESE",
                "+999 1234 5678         | NOT_INTERNATIONAL",
                "+33 12                 | TOO_SHORT"
            })
    void invalidNumbersAreRejectedWithTheirReason(String written, PhoneRejection reason) {
        PhoneResult result = PhoneNumbers.normalize(written);

        assertThat(result.isValid()).isFalse();
        assertThat(result.e164()).isNull();
        assertThat(result.rejection()).isEqualTo(reason);
    }

    @Test
    void theReasonIsGivenInEnglishAndVietnamese() {
        PhoneResult result = PhoneNumbers.normalize("0123 456 789");

        assertThat(result.reasonEn()).isEqualTo("not a valid Vietnamese phone number");
        assertThat(result.reasonVi()).isEqualTo("không phải số điện thoại Việt Nam hợp lệ");
        assertThat(result.rejection().code()).isEqualTo("phone_invalid");
        assertThat(PhoneNumbers.normalize("09").reasonVi()).isEqualTo("quá ngắn, không phải số điện thoại");
    }

    @Test
    void aResultIsEitherANumberOrARejection() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneResult(null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhoneResult("+84912345678", PhoneRejection.TOO_SHORT));
    }
}
