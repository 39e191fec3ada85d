package vn.gandan.adminunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LegacyCommunesUnitTests {

    private final LegacyCommunes legacy = LegacyCommunes.official();
    private final AdminUnits units = AdminUnits.official();

    /** All old communes, by trying every possible two-digit old province code. */
    private List<LegacyCommune> all() {
        return IntStream.rangeClosed(0, 99)
                .mapToObj(i -> String.format("%02d", i))
                .flatMap(code -> legacy.inProvince(code).stream())
                .toList();
    }

    @Test
    void findsLongThanhInOldNgheAnAndMapsItToHopMinh() {
        List<LegacyCommune> found = legacy.named("Xã Long Thành", "Nghệ An");

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.oldCode()).isEqualTo("17578");
            assertThat(c.oldName()).isEqualTo("Xã Long Thành");
            assertThat(c.oldProvinceCode()).isEqualTo("40");
            assertThat(c.oldProvinceName()).isEqualTo("Tỉnh Nghệ An");
            assertThat(c.newCommuneCodes()).containsExactly("17605");
        });
        assertThat(legacy.byOldCode("17578")).containsExactly(new LegacySplit("17605", "Xã Hợp Minh"));
        assertThat(units.commune("17605").map(Commune::provinceCode)).contains("40");
    }

    @Test
    void provinceMayBeGivenByCodeOrNameWithOrWithoutPrefix() {
        List<LegacyCommune> expected = legacy.named("Xã Long Thành", "40");
        assertThat(expected).hasSize(1);
        assertThat(legacy.named("Xã Long Thành", "Tỉnh Nghệ An")).isEqualTo(expected);
        assertThat(legacy.named("  xã   long thành ", "nghệ an")).isEqualTo(expected);
        assertThat(legacy.named("Long Thành", "Nghệ An")).isEqualTo(expected);
    }

    @Test
    void nameWithoutKindMatchesAnyKindAndWithKindOnlyThatKind() {
        // In old Đồng Nai, "Long Thành" was a thị trấn (township).
        assertThat(legacy.named("Long Thành", "Đồng Nai"))
                .extracting(LegacyCommune::oldCode, LegacyCommune::oldName)
                .containsExactly(tuple("26368", "Thị trấn Long Thành"));
        assertThat(legacy.named("Xã Long Thành", "Đồng Nai")).isEmpty();
    }

    @Test
    void toneMarkPlacementIsIgnoredInProvinceNames() {
        // The old data writes "Thanh Hóa"; the new official name is "Thanh Hoá".
        List<LegacyCommune> thanhHoa = legacy.inProvince("Tỉnh Thanh Hóa");
        assertThat(thanhHoa).isNotEmpty().allMatch(c -> c.oldProvinceCode().equals("38"));
        assertThat(legacy.inProvince("Thanh Hoá")).isEqualTo(thanhHoa);
    }

    @Test
    void splitExampleWithSeveralNewCommunes() {
        assertThat(legacy.oldCommune("00007")).hasValueSatisfying(c -> {
            assertThat(c.oldName()).isEqualTo("Phường Cống Vị");
            assertThat(c.newCommuneCodes()).containsExactly("00008", "00025");
        });
        assertThat(legacy.byOldCode("00007"))
                .containsExactly(
                        new LegacySplit("00008", "Phường Ngọc Hà"), new LegacySplit("00025", "Phường Giảng Võ"));
        assertThat(all()).filteredOn(c -> c.newCommuneCodes().size() > 1).hasSize(460);
    }

    @Test
    void loadsAllOldProvincesAndCommunes() {
        List<LegacyCommune> all = all();
        assertThat(legacy.oldCommuneCount()).isEqualTo(10047);
        assertThat(all).hasSize(10047);
        assertThat(all.stream().map(LegacyCommune::oldProvinceCode).distinct()).hasSize(63);
        assertThat(all).allMatch(c -> !c.newCommuneCodes().isEmpty());
        assertThat(all).allMatch(c -> c.oldName().equals(c.oldName().strip()));
    }

    @Test
    void newNamesComeFromTheOfficialData() {
        // The split data says "Xã Long Thành"; the official data has since made it a phường.
        assertThat(legacy.byOldCode("26368")).containsExactly(new LegacySplit("26368", "Phường Long Thành"));
    }

    @Test
    void onlyTheKnownSixReferencesNameUnknownNewCommunes() {
        List<String> dangling = all().stream()
                .flatMap(c -> c.newCommuneCodes().stream()
                        .filter(code -> units.commune(code).isEmpty())
                        .map(code -> c.oldCode() + "->" + code))
                .toList();
        assertThat(dangling)
                .containsExactlyInAnyOrder(
                        "06886->06970", "06970->06970", "06973->06970", "06982->06970", "06988->06970", "23938->23737");
    }

    @Test
    void unknownGivesEmpty() {
        assertThat(legacy.byOldCode("99999")).isEmpty();
        assertThat(legacy.oldCommune("99999")).isEmpty();
        assertThat(legacy.inProvince("Atlantis")).isEmpty();
        assertThat(legacy.inProvince("99")).isEmpty();
        assertThat(legacy.named("Xã Long Thành", "Atlantis")).isEmpty();
        assertThat(legacy.named("Xã Không Có", "Nghệ An")).isEmpty();
    }

    @Test
    void isSharedAndRejectsNull() {
        assertThat(LegacyCommunes.official()).isSameAs(legacy);
        assertThatThrownBy(() -> legacy.byOldCode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> legacy.named(null, "40")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> legacy.named("Xã Long Thành", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> legacy.inProvince("40").clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
