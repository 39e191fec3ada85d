package vn.gandan.adminunits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesUnitTests {

    @Test
    void oldAndNewToneMarkPlacementCompareEqual() {
        assertThat(Names.key("Tỉnh Khánh Hòa")).isEqualTo(Names.key("Tỉnh Khánh Hoà"));
        assertThat(Names.key("Xã Hòe")).isEqualTo(Names.key("Xã Hoè"));
        assertThat(Names.key("Phường Thủy")).isEqualTo(Names.key("Phường Thuỷ"));
    }

    @Test
    void differentTonesOrInnerVowelsStayDifferent() {
        assertThat(Names.key("Hòa")).isNotEqualTo(Names.key("Hóa"));
        assertThat(Names.key("Hoàng")).isEqualTo("hoàng");
        assertThat(Names.key("Quý")).isEqualTo("quý");
        assertThat(Names.key("Thuyên")).isEqualTo("thuyên");
    }

    @Test
    void caseSpacingAndApostrophesAreIgnored() {
        assertThat(Names.key("  Xã   Cư M’gar ")).isEqualTo(Names.key("xã cư m'gar"));
    }

    @Test
    void cleanTrimsAndCollapsesWhiteSpace() {
        assertThat(Names.clean("Xã Ngư Thủy ")).isEqualTo("Xã Ngư Thủy");
        assertThat(Names.clean(" Xã \t Ngư  Thủy")).isEqualTo("Xã Ngư Thủy");
        assertThat(Names.clean("Xã Ngư Thủy")).isEqualTo("Xã Ngư Thủy");
    }

    @Test
    void provinceKeyDropsThePrefix() {
        assertThat(Names.provinceKey("Thành phố Hà Nội")).isEqualTo("hà nội");
        assertThat(Names.provinceKey("Tỉnh Nghệ An")).isEqualTo(Names.provinceKey("nghệ an"));
    }

    @Test
    void communePrefixIsRecognised() {
        assertThat(Names.hasCommunePrefix(Names.key("Thị trấn Long Thành"))).isTrue();
        assertThat(Names.hasCommunePrefix(Names.key("Long Thành"))).isFalse();
        assertThat(Names.bareCommuneKey(Names.key("Phường Long Thành"))).isEqualTo("long thành");
    }
}
