package vn.gandan.intake.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdsUnitTests {

    @ParameterizedTest
    @CsvSource({
        "040085012345, 040085012345",
        "040 085 012345, 040085012345",
        "001-190-000123, 001190000123",
        "186.123.456, 186123456"
    })
    void writtenFormsBecomeDigits(String written, String digits) {
        NationalIds.Result result = NationalIds.normalize(written);
        assertThat(result.isValid()).isTrue();
        assertThat(result.digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"04008501234", "0400850123456", "04008501234a", "003085012345", "097085012345", ""})
    void otherFormsAreRefusedWithAReason(String written) {
        NationalIds.Result result = NationalIds.normalize(written);
        assertThat(result.isValid()).isFalse();
        assertThat(result.reason()).isNotBlank();
        assertThat(result.digits()).isNull();
    }
}
