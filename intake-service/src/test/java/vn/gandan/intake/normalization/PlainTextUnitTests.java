package vn.gandan.intake.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "xin chào <b>UBND</b>",
                "</p>",
                "<!-- comment -->",
                "<?xml version=\"1.0\"?>",
                "<img src=x onerror=alert(1)>",
                "a<B"
            })
    void refusesMarkup(String text) {
        assertThat(PlainText.trouble(text)).contains(PlainText.MARKUP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u001b[2J", "chuông\u0007", "a\u007fb", "a\u0085b", "a\ud800b", "a\udc00"})
    void refusesControlCharactersAndLoneSurrogates(String text) {
        assertThat(PlainText.trouble(text)).contains(PlainText.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cống thoát nước bị tắc",
                "nhiệt độ < 5 độ, mức nước <3 m, a <= b, 1<2",
                "' OR 1=1 --",
                "{\"$gt\": \"\"}",
                "dòng một\ndòng hai\r\n\tthụt lề",
                "emoji 👍🏽 và Ω",
                "giá > 100 & < 200"
            })
    void acceptsTextThatOnlyLooksOdd(String text) {
        assertThat(PlainText.trouble(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsNoTrouble() {
        assertThat(PlainText.trouble(null)).isEmpty();
    }
}
