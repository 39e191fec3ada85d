package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class LanguagesUnitTests {

    @ParameterizedTest(name = "Accept-Language [{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "none | en",
                "en | en",
                "en-US | en",
                "en-GB,en;q=0.8 | en",
                "vi | vi",
                "vi-VN | vi",
                "vi-VN,vi;q=0.9 | vi",
                "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7 | vi",
                "en-US,en;q=0.9,vi;q=0.8 | en",
                "fr-FR | en",
                "fr-FR,fr;q=0.9,vi;q=0.5 | vi",
                "de,ja;q=0.5 | en",
                "* | en"
            })
    void theCallersLanguageIsVietnameseOrEnglish(@Nullable String acceptLanguage, String language) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }

        assertThat(Languages.of(request).toLanguageTag()).isEqualTo(language);
        assertThat(Languages.localeResolver().resolveLocale(request).toLanguageTag())
                .isEqualTo(language);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            nullValues = "none",
            value = {"none, en", "en, en", "en-US, en", "vi, vi", "vi-VN, vi", "fr-FR, en", "de, en"})
    void anyLocaleIsNarrowedToASupportedOne(@Nullable String tag, String language) {
        Locale locale = tag == null ? null : Locale.forLanguageTag(tag);

        assertThat(Languages.supported(locale).toLanguageTag()).isEqualTo(language);
    }
}
