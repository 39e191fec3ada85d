package vn.gandan.routing.authority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorityNamesUnitTests {

    @Test
    void keysIgnoreAccentsCaseSpacingAndPunctuation() {
        assertThat(AuthorityNames.key("Ủy ban nhân dân Xã Hợp Minh")).isEqualTo("ubnd xa hop minh");
        assertThat(AuthorityNames.key("UBND   xã HỢP minh")).isEqualTo("ubnd xa hop minh");
        assertThat(AuthorityNames.key("Uỷ ban Xã Hợp Minh")).isEqualTo("ubnd xa hop minh");
        assertThat(AuthorityNames.key("Đặc khu Côn Đảo")).isEqualTo("dac khu con dao");
        assertThat(AuthorityNames.key("Thành phố Hồ Chí Minh")).isEqualTo("tp ho chi minh");
        assertThat(AuthorityNames.key("TP.Hồ Chí Minh")).isEqualTo("tp ho chi minh");
        assertThat(AuthorityNames.key("Sở GD&ĐT")).isEqualTo("so gd va dt");
        assertThat(AuthorityNames.key("Tỉnh Thanh Hoá")).isEqualTo(AuthorityNames.key("tinh thanh hóa"));
        assertThat(AuthorityNames.key(" \t")).isEmpty();
    }

    @Test
    void theKindOfAUnitComesOffItsName() {
        assertThat(AuthorityNames.withoutUnitKind("Xã Hợp Minh")).isEqualTo("Hợp Minh");
        assertThat(AuthorityNames.withoutUnitKind("Thành phố Hà Nội")).isEqualTo("Hà Nội");
        assertThat(AuthorityNames.withoutUnitKind("Đặc khu Côn Đảo")).isEqualTo("Côn Đảo");
        assertThat(AuthorityNames.withoutUnitKind("Sở Y tế")).isEqualTo("Sở Y tế");
    }
}
