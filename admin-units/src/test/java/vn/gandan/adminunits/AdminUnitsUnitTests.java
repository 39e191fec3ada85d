package vn.gandan.adminunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdminUnitsUnitTests {

    private final AdminUnits units = AdminUnits.official();

    @Test
    void loadsThirtyFourProvincesAndAllCommunes() {
        assertThat(units.provinces()).hasSize(34);
        assertThat(units.communeCount()).isEqualTo(3321);
        int listed = units.provinces().stream()
                .mapToInt(p -> units.communesOf(p.code()).size())
                .sum();
        assertThat(listed).isEqualTo(3321);
    }

    @Test
    void findsNgheAnByCode() {
        assertThat(units.province("40")).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("40");
            assertThat(p.name()).contains("Nghệ An");
        });
    }

    @Test
    void findsHopMinhInNgheAn() {
        assertThat(units.commune("17605"))
                .contains(new Commune("17605", "Xã Hợp Minh", "40"))
                .hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(CommuneKind.XA));
        assertThat(units.communesOf("40")).contains(new Commune("17605", "Xã Hợp Minh", "40"));
    }

    @Test
    void unknownCodesGiveEmpty() {
        assertThat(units.province("99")).isEmpty();
        assertThat(units.province("4")).isEmpty();
        assertThat(units.province(" 40")).isEmpty();
        assertThat(units.province("")).isEmpty();
        assertThat(units.commune("99999")).isEmpty();
        assertThat(units.commune("17605 ")).isEmpty();
        assertThat(units.communesOf("99")).isEmpty();
    }

    @Test
    void everyCommunesProvinceExistsAndListsIt() {
        Set<String> seen = new HashSet<>();
        for (Province province : units.provinces()) {
            for (Commune commune : units.communesOf(province.code())) {
                assertThat(commune.provinceCode()).isEqualTo(province.code());
                assertThat(units.province(commune.provinceCode())).contains(province);
                assertThat(units.commune(commune.code())).contains(commune);
                assertThat(seen.add(commune.code()))
                        .as("commune %s listed once", commune.code())
                        .isTrue();
            }
        }
        assertThat(seen).hasSize(units.communeCount());
    }

    @Test
    void listsAreOrderedByCode() {
        List<String> codes = units.provinces().stream().map(Province::code).toList();
        assertThat(codes).isSorted().startsWith("01").endsWith("96");
        for (Province province : units.provinces()) {
            assertThat(units.communesOf(province.code()).stream()
                            .map(Commune::code)
                            .toList())
                    .isSorted();
        }
    }

    @Test
    void everyCommuneHasAKind() {
        Map<CommuneKind, Long> kinds = units.provinces().stream()
                .flatMap(p -> units.communesOf(p.code()).stream())
                .collect(Collectors.groupingBy(Commune::kind, Collectors.counting()));
        // 2,611 includes "xã Bắc Sơn" (20), written in lower case in the data.
        assertThat(kinds)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(CommuneKind.XA, 2611L, CommuneKind.PHUONG, 697L, CommuneKind.DAC_KHU, 13L));
        assertThat(units.commune("06325").map(Commune::kind)).contains(CommuneKind.XA);
    }

    @Test
    void provinceNamesAreUnique() {
        Map<String, Province> byName =
                units.provinces().stream().collect(Collectors.toMap(Province::name, Function.identity()));
        assertThat(byName).hasSize(34).containsKey("Thành phố Hồ Chí Minh");
    }

    @Test
    void isSharedAndUnmodifiable() {
        assertThat(AdminUnits.official()).isSameAs(units);
        assertThat(units.dataVersion()).isEqualTo("2025-07-01/2026-07");
        assertThatThrownBy(() -> units.provinces().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> units.communesOf("40").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> units.province(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> units.commune(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> units.communesOf(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Province("40", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void communeKindComesFromTheNamePrefix() {
        assertThat(new Commune("1", "Phường Ba Đình", "01").kind()).isEqualTo(CommuneKind.PHUONG);
        assertThat(new Commune("1", "Đặc khu Côn Đảo", "79").kind()).isEqualTo(CommuneKind.DAC_KHU);
        assertThat(new Commune("1", "xã Bắc Sơn", "20").kind()).isEqualTo(CommuneKind.XA);
        assertThatThrownBy(() -> new Commune("1", "Thị trấn Long Thành", "75"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Commune("1", "Xãhội", "75")).isInstanceOf(IllegalArgumentException.class);
    }
}
