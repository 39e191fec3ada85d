package vn.gandan.intake.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextNormalizerUnitTests {

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Test
    void titleCollapsesEveryKindOfWhiteSpaceIntoOneLine() {
        assertThat(TextNormalizer.title("  Cống\u00A0thoát\tnước\r\n\n bị   tắc \u202F"))
                .isEqualTo("Cống thoát nước bị tắc");
        assertThat(TextNormalizer.title("Ổ gà\u2028trên\u3000quốc lộ 1A")).isEqualTo("Ổ gà trên quốc lộ 1A");
    }

    @Test
    void titleRemovesControlAndZeroWidthCharactersWithoutSplittingWords() {
        assertThat(TextNormalizer.title("\uFEFFĐường\u200B Lê\u0000 Lợi\u0007\u001B ngập\u200D\u2060 nước\u0090\u007F"))
                .isEqualTo("Đường Lê Lợi ngập nước");
        assertThat(TextNormalizer.title("Sạt\u00ADlở")).isEqualTo("Sạtlở");
    }

    @Test
    void decomposedInputEqualsThePrecomposedResult() {
        String decomposed = nfd("Nghệ An, Thừa Thiên Huế, Đắk Lắk");
        assertThat(decomposed).isNotEqualTo("Nghệ An, Thừa Thiên Huế, Đắk Lắk");
        assertThat(TextNormalizer.title(decomposed)).isEqualTo("Nghệ An, Thừa Thiên Huế, Đắk Lắk");
        assertThat(TextNormalizer.body(decomposed)).isEqualTo("Nghệ An, Thừa Thiên Huế, Đắk Lắk");
    }

    @Test
    void aZeroWidthCharacterBetweenALetterAndItsMarkDoesNotLoseTheMark() {
        assertThat(TextNormalizer.title("Nghe\u200B\u0302\u0323 An")).isEqualTo("Nghệ An");
    }

    @Test
    void diacriticsAndCaseArePreserved() {
        assertThat(TextNormalizer.title("KIẾN NGHỊ về Ủy ban nhân dân xã Hợp Minh"))
                .isEqualTo("KIẾN NGHỊ về Ủy ban nhân dân xã Hợp Minh");
    }

    @Test
    void bodyKeepsOneLineBreakBetweenParagraphs() {
        String body = "  Kính gửi UBND phường Ba Đình,\r\n\r\n\r\n"
                + "Cống thoát nước  trước nhà số 12\u00A0bị tắc.\t\n"
                + " \u200B \n"
                + "Đề nghị xử lý sớm.\rXin cảm ơn.\u0085\u2029  ";
        assertThat(TextNormalizer.body(body))
                .isEqualTo("Kính gửi UBND phường Ba Đình,\n"
                        + "Cống thoát nước trước nhà số 12 bị tắc.\n"
                        + "Đề nghị xử lý sớm.\n"
                        + "Xin cảm ơn.");
    }

    @Test
    void bodyRemovesControlCharactersButKeepsItsLines() {
        assertThat(TextNormalizer.body("Dòng 1\u0000\u0008\nDòng\u0003 2")).isEqualTo("Dòng 1\nDòng 2");
    }

    @Test
    void searchKeyIgnoresDiacriticsCasePunctuationAndSpacing() {
        assertThat(TextNormalizer.searchKey("Cống thoát nước  BỊ TẮC!")).isEqualTo("cong thoat nuoc bi tac");
        assertThat(TextNormalizer.searchKey("ĐƯỜNG Đồng Khởi, P.Bến Nghé")).isEqualTo("duong dong khoi p ben nghe");
        assertThat(TextNormalizer.searchKey("Ea H’Leo – Đắk Lắk")).isEqualTo("ea h leo dak lak");
        assertThat(TextNormalizer.searchKey("…")).isEmpty();
    }

    @Test
    void searchKeyTreatsToneMarkPlacementAndDecompositionAlike() {
        assertThat(TextNormalizer.searchKey("Thanh Hoá")).isEqualTo(TextNormalizer.searchKey("Thanh Hóa"));
        assertThat(TextNormalizer.searchKey(nfd("Nghệ An"))).isEqualTo("nghe an");
        assertThat(TextNormalizer.searchKey("Ðà Nẵng")).isEqualTo("da nang");
    }

    @Test
    void searchKeyKeepsDigitsAndLettersOfOtherScripts() {
        assertThat(TextNormalizer.searchKey("Phường Hà Giang 1")).isEqualTo("phuong ha giang 1");
        assertThat(TextNormalizer.searchKey("Tổ 7/2B")).isEqualTo("to 7 2b");
    }

    @Test
    void nullStaysNullAndBlankBecomesEmpty() {
        assertThat(TextNormalizer.title(null)).isNull();
        assertThat(TextNormalizer.body(null)).isNull();
        assertThat(TextNormalizer.searchKey(null)).isNull();
        assertThat(TextNormalizer.title(" \u00A0\u200B\t\n")).isEmpty();
        assertThat(TextNormalizer.body("\n\n \r\n")).isEmpty();
    }
}
