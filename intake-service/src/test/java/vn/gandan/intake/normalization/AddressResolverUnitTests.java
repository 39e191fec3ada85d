package vn.gandan.intake.normalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.LegacyCommune;
import vn.gandan.adminunits.LegacyCommunes;
import vn.gandan.adminunits.Province;
import vn.gandan.intake.normalization.Resolution.Method;
import vn.gandan.intake.normalization.Resolution.Outcome;

class AddressResolverUnitTests {

    private static final String HA_NOI = "01";
    private static final String NGHE_AN = "40";
    private static final String THANH_HOA = "38";

    private final AddressResolver resolver = AddressResolver.official();

    private Resolution resolve(String address, String portal) {
        return resolver.resolve(null, address, portal);
    }

    // --- official codes

    @Test
    void aKnownCodeDecidesWithFullConfidence() {
        Resolution resolution = resolver.resolve("17605", "địa chỉ gì cũng được", NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(resolution.communeCode()).isEqualTo("17605");
        assertThat(resolution.provinceCode()).isEqualTo(NGHE_AN);
        assertThat(resolution.candidates()).containsExactly("17605");
        assertThat(resolution.confidence()).isEqualTo(1.0);
        assertThat(resolution.method()).isEqualTo(Method.CODE);
        assertThat(resolution.method().wireName()).isEqualTo("code");
        assertThat(resolution.originalText()).isEqualTo("địa chỉ gì cũng được");
        assertThat(resolution.needsTriage()).isFalse();
    }

    @Test
    void aCodeInAnotherProvinceIsReportedWithThatProvince() {
        Resolution resolution = resolver.resolve("00004", null, NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.OTHER_PROVINCE);
        assertThat(resolution.provinceCode()).isEqualTo(HA_NOI);
        assertThat(resolution.communeCode()).isEqualTo("00004");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "17578", "1760", "", " 17605"})
    void anUnknownCodeIsADistinctOutcome(String code) {
        Resolution resolution = resolver.resolve(code, "xã Hợp Minh, Nghệ An", NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.UNKNOWN_CODE);
        assertThat(resolution.communeCode()).isNull();
        assertThat(resolution.candidates()).isEmpty();
        assertThat(resolution.confidence()).isZero();
    }

    @Test
    void anUnknownPortalProvinceIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> resolve("Phường Ba Đình", "02"));
    }

    // --- addresses written before the reform

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xã Long Thành, huyện Yên Thành, Nghệ An",
                "xa Long Thanh, huyen Yen Thanh, Nghe An",
                "Xã Long Thành, Huyện Yên Thành, Tỉnh Nghệ An",
                "XÃ LONG THÀNH, HUYỆN YÊN THÀNH, TỈNH NGHỆ AN",
                "xa long thanh huyen yen thanh tinh nghe an",
                "Nghệ An, huyện Yên Thành, xã Long Thành",
                "xóm 5, X. Long Thành, H. Yên Thành, Nghệ An, Việt Nam",
                "xã Long Thành, huyện Yên Thành"
            })
    void anOldCommuneIsFoundUnderItsNewName(String address) {
        Resolution resolution = resolve(address, NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(resolution.communeCode()).isEqualTo("17605");
        assertThat(resolution.provinceCode()).isEqualTo(NGHE_AN);
        assertThat(resolution.method()).isEqualTo(Method.LEGACY_NAME);
        assertThat(resolution.method().wireName()).isEqualTo("legacy_name");
        assertThat(resolution.confidence()).isBetween(0.5, 0.99);
        assertThat(resolution.triageReason()).isNull();
        assertThat(resolution.originalText()).isEqualTo(address);
    }

    @Test
    void decomposedUnicodeResolvesLikePrecomposed() {
        String address = "xã Long Thành, huyện Yên Thành, Nghệ An";
        String decomposed = Normalizer.normalize(address, Normalizer.Form.NFD);

        Resolution resolution = resolve(decomposed, NGHE_AN);

        assertThat(decomposed).isNotEqualTo(address);
        assertThat(resolution.communeCode()).isEqualTo("17605");
        assertThat(resolution.originalText()).isEqualTo(decomposed);
    }

    @Test
    void aProvinceThatNoLongerExistsLeadsToTheOneItJoined() {
        Resolution resolution = resolve("Phường Phú Thạnh, thành phố Tuy Hòa, Phú Yên", "66");

        assertThat(resolution.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(resolution.communeCode()).isEqualTo("22240");
        assertThat(resolution.method()).isEqualTo(Method.LEGACY_NAME);
    }

    @Test
    void anOldProvinceNameIsNotTakenForTheNewWardOfThatName() {
        // Thái Bình was a province; now Phường Thái Bình is a ward of Hưng Yên
        assertThat(resolve("xã Vũ Phúc, Thái Bình", "33").communeCode()).isEqualTo("12466");
        assertThat(resolve("Phường Thái Bình, Hưng Yên", "33").communeCode()).isEqualTo("13225");
    }

    @Test
    void anOldCommuneSplitBetweenNewOnesIsLeftToAnOperator() {
        Resolution resolution = resolve("Phường Cống Vị, Quận Ba Đình, Hà Nội", HA_NOI);

        assertThat(resolution.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(resolution.communeCode()).isNull();
        assertThat(resolution.candidates()).containsExactly("00008", "00025");
        assertThat(resolution.triageReason()).isEqualTo(Resolution.ADDRESS_AMBIGUOUS);
        assertThat(resolution.provinceCode()).isEqualTo(HA_NOI);
        assertThat(resolution.confidence()).isLessThan(0.5);
        assertThat(resolution.needsTriage()).isTrue();
    }

    @Test
    void aSplitInTheCountrysideIsAmbiguousToo() {
        assertThat(resolve("xã Hòa Sơn, huyện Đô Lương, tỉnh Nghệ An", NGHE_AN).candidates())
                .containsExactly("17357", "17677");
    }

    @Test
    void anOldNameSharedByCommunesOfOneOldProvinceIsAmbiguousSinceDistrictsAreNotKnown() {
        Resolution resolution = resolve("xã Đồng Văn, huyện Tân Kỳ, Nghệ An", NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(resolution.candidates()).containsExactly("16744", "17287", "17713");
    }

    @Test
    void aNewNameNextToTheOldOneDecidesTheSplit() {
        Resolution resolution = resolve("Phường Ngọc Hà (phường Cống Vị cũ), Hà Nội", HA_NOI);

        assertThat(resolution.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(resolution.communeCode()).isEqualTo("00008");
        assertThat(resolution.method()).isEqualTo(Method.CURRENT_NAME);
    }

    @Test
    void anOldStyleAddressPrefersTheOldMeaningOfAName() {
        // Phường Ngọc Hà exists today (00008), but the old ward of that name went into two
        assertThat(resolve("Phường Ngọc Hà, Hà Nội", HA_NOI).communeCode()).isEqualTo("00008");
        assertThat(resolve("phường Ngọc Hà, quận Ba Đình, Hà Nội", HA_NOI).candidates())
                .containsExactly("00004", "00008");
    }

    @Test
    void aCodeTheSplitDataGetsWrongIsCorrectedByName() {
        // the data sends part of Xã Hải Lạng to 06970 "Xã Ba Chẽ", which is 06978
        assertThat(resolve("xã Hải Lạng, huyện Tiên Yên, Quảng Ninh", "22").candidates())
                .containsExactly("06799", "06886", "06978");
    }

    @Test
    void anOldAddressNamingNoProvinceIsOnlySearchedInThePortalsProvince() {
        Resolution resolution = resolve("xã Long Thành, huyện Yên Thành", HA_NOI);

        assertThat(resolution.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(resolution.provinceCode()).isEqualTo(HA_NOI);
    }

    @Test
    void aDistrictIsNeverTakenForTheNewCommuneOfTheSameName() {
        // Xã Yên Thành (17506) exists; here "Yên Thành" is the old district
        assertThat(resolve("xã Long Thành, huyện Yên Thành, Nghệ An", NGHE_AN).candidates())
                .doesNotContain("17506");
        assertThat(resolve("Xã Yên Thành, Nghệ An", NGHE_AN).communeCode()).isEqualTo("17506");
    }

    // --- addresses written with the new units

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Phường Ba Đình, Hà Nội",
                "P. Ba Đình, TP Hà Nội",
                "p.Ba Dinh, tp.Ha Noi",
                "P Ba Đình, Thành phố Hà Nội",
                "phường Ba Đình, TP. Hà Nội",
                "PHƯỜNG BA ĐÌNH, HÀ NỘI",
                "Hà Nội, Phường Ba Đình",
                "TP Hà Nội; P. Ba Đình",
                "số 12 đường Lê Lợi, phường Ba Đình, Hà Nội",
                "Ngõ 5, tổ 7, P. Ba Đình, Hà Nội, Việt Nam",
                "Phường Ba Đình Hà Nội",
                "  Phường\u00A0Ba\u200B Đình,\n Hà Nội ",
                "Phường Ba Đình"
            })
    void aNewCommuneIsFoundWhateverTheWriting(String address) {
        Resolution resolution = resolve(address, HA_NOI);

        assertThat(resolution.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(resolution.communeCode()).isEqualTo("00004");
        assertThat(resolution.provinceCode()).isEqualTo(HA_NOI);
        assertThat(resolution.method()).isEqualTo(Method.CURRENT_NAME);
        assertThat(resolution.method().wireName()).isEqualTo("current_name");
        assertThat(resolution.confidence()).isBetween(0.9, 0.99);
    }

    @Test
    void aNameWithoutAKeywordIsTrustedLess() {
        Resolution resolution = resolve("Ba Đình, Hà Nội", HA_NOI);

        assertThat(resolution.communeCode()).isEqualTo("00004");
        assertThat(resolution.confidence())
                .isLessThan(resolve("Phường Ba Đình, Hà Nội", HA_NOI).confidence());
    }

    @Test
    void housingPartsAreIgnoredEvenWhenTheyLookLikeCommuneNames() {
        // Phường Quang Trung (14818) is also in Thanh Hóa; here it is a street
        assertThat(resolve("số 5 đường Quang Trung, phường Hàm Rồng, Thanh Hóa", THANH_HOA)
                        .communeCode())
                .isEqualTo("14758");
        assertThat(resolve("đường Quang Trung, Thanh Hóa", THANH_HOA).outcome()).isEqualTo(Outcome.UNRESOLVED);
        // Xã Yên Thành (17506) is in Nghệ An; here it is a hamlet
        assertThat(resolve("thôn Yên Thành, xã Hợp Minh, Nghệ An", NGHE_AN).communeCode())
                .isEqualTo("17605");
        assertThat(resolve("Tổ 7, khối 2, phường Vinh Hưng, Nghệ An", NGHE_AN).communeCode())
                .isEqualTo("17920");
        assertThat(resolve("xóm 5, xã Diễn Châu, Nghệ An", NGHE_AN).communeCode())
                .isEqualTo("17464");
        assertThat(resolve("ấp Bình Hòa, Đặc khu Phú Quốc, An Giang", "91").communeCode())
                .isEqualTo("31078");
    }

    @Test
    void namesWithHyphensApostrophesAndNumbersAreFound() {
        assertThat(resolve("Phường Văn Miếu - Quốc Tử Giám, Hà Nội", HA_NOI).communeCode())
                .isEqualTo("00226");
        assertThat(resolve("xã Ea H'Leo, Đắk Lắk", "66").communeCode()).isEqualTo("24184");
        assertThat(resolve("xa Ea H’leo, Dak Lak", "66").communeCode()).isEqualTo("24184");
        assertThat(resolve("P. Hà Giang 1, Tuyên Quang", "08").communeCode()).isEqualTo("00694");
        assertThat(resolve("đặc khu Côn Đảo", "79").communeCode()).isEqualTo("26732");
    }

    @Test
    void aKeywordWrittenWithoutDiacriticsMayBeingAName() {
        // "phuong" is the keyword "phường" and the name "Phương"; "ban" is "bản" (a hamlet) and "Bản"
        assertThat(resolve("phuong Phuong Liet, Ha Noi", HA_NOI).communeCode()).isEqualTo("00352");
        assertThat(resolve("Phương Liệt, Hà Nội", HA_NOI).communeCode()).isEqualTo("00352");
        assertThat(resolve("xa Ban Lau, Lao Cai", "15").communeCode()).isEqualTo("02788");
    }

    @Test
    void diacriticsDecideBetweenNamesThatDifferOnlyByThem() {
        assertThat(resolve("Xã Văn Lăng, Thái Nguyên", "19").communeCode()).isEqualTo("05665");
        assertThat(resolve("Xã Văn Lang, Thái Nguyên", "19").communeCode()).isEqualTo("02143");

        Resolution unaccented = resolve("xa Van Lang, Thai Nguyen", "19");
        assertThat(unaccented.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(unaccented.candidates()).containsExactly("02143", "05665");
    }

    @Test
    void theKindDecidesBetweenAXaAndAPhuongOfTheSameName() {
        assertThat(resolve("xa Dong Tien, Thanh Hoa", THANH_HOA).communeCode()).isEqualTo("15724");
        assertThat(resolve("phuong Dong Tien, Thanh Hoa", THANH_HOA).communeCode())
                .isEqualTo("15853");
    }

    @Test
    void provinceNicknamesAreKnown() {
        assertThat(resolve("Phường Bến Thành, TP.HCM", "79").communeCode()).isEqualTo("26743");
        assertThat(resolve("Phường Bến Thành, Sài Gòn", "79").communeCode()).isEqualTo("26743");
        assertThat(resolve("Phường Bến Thành, TPHCM", "79").communeCode()).isEqualTo("26743");
    }

    @Test
    void namesThatDifferOnlyByDiacriticsAreAmbiguousWhenWrittenWithoutThem() {
        assertThat(resolve("Xã Thanh An, TP Hồ Chí Minh", "79").communeCode()).isEqualTo("25807");
        assertThat(resolve("Xã Thạnh An, TP Hồ Chí Minh", "79").communeCode()).isEqualTo("27676");

        Resolution resolution = resolve("xa Thanh An, TP HCM", "79");
        assertThat(resolution.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(resolution.candidates()).containsExactly("25807", "27676");
        assertThat(resolution.triageReason()).isEqualTo(Resolution.ADDRESS_AMBIGUOUS);
    }

    @Test
    void namesThatDisagreeAreAmbiguous() {
        Resolution resolution = resolve("Long Thành, Yên Thành, Nghệ An", NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(resolution.candidates()).containsExactly("17506", "17605");
    }

    // --- other provinces

    @Test
    void aCommuneOfAnotherNamedProvinceIsReportedWithThatProvince() {
        Resolution resolution = resolve("Xã Hợp Minh, Nghệ An", HA_NOI);

        assertThat(resolution.outcome()).isEqualTo(Outcome.OTHER_PROVINCE);
        assertThat(resolution.provinceCode()).isEqualTo(NGHE_AN);
        assertThat(resolution.communeCode()).isEqualTo("17605");
        assertThat(resolution.triageReason()).isNull();
    }

    @Test
    void theNamedProvinceWinsOverThePortalsEvenWhenThePortalsHasANameLikeIt() {
        // Thanh Hóa has a Xã Ba Đình (16171) too
        assertThat(resolve("Phường Ba Đình, Hà Nội", THANH_HOA).outcome()).isEqualTo(Outcome.OTHER_PROVINCE);
        assertThat(resolve("Phường Ba Đình Hà Nội", THANH_HOA).provinceCode()).isEqualTo(HA_NOI);
        assertThat(resolve("Ba Đình", THANH_HOA).communeCode()).isEqualTo("16171");
    }

    @Test
    void aNamedProvinceWithoutThatCommuneLeavesItUnresolvedInThePortalsProvince() {
        Resolution resolution = resolve("Phường Ba Đình, Nghệ An", HA_NOI);

        assertThat(resolution.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(resolution.provinceCode()).isEqualTo(HA_NOI);
    }

    @Test
    void withoutAProvinceOnlyThePortalsProvinceIsSearched() {
        assertThat(resolve("Xã Hợp Minh", HA_NOI).outcome()).isEqualTo(Outcome.UNRESOLVED);
    }

    // --- nothing found

    @ParameterizedTest
    @ValueSource(strings = {"thôn 3", "thon 3", "Nghệ An", "gần chợ, cạnh trường tiểu học", "   ", "???"})
    void textNamingNoCommuneIsKeptInThePortalsProvinceForTriage(String address) {
        Resolution resolution = resolve(address, NGHE_AN);

        assertThat(resolution.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(resolution.provinceCode()).isEqualTo(NGHE_AN);
        assertThat(resolution.communeCode()).isNull();
        assertThat(resolution.candidates()).isEmpty();
        assertThat(resolution.confidence()).isZero();
        assertThat(resolution.method()).isEqualTo(Method.NONE);
        assertThat(resolution.method().wireName()).isEqualTo("none");
        assertThat(resolution.triageReason()).isEqualTo(Resolution.ADDRESS_UNRESOLVED);
        assertThat(resolution.originalText()).isEqualTo(address);
    }

    @Test
    void noCodeAndNoAddressIsUnresolved() {
        assertThat(resolver.resolve(null, null, NGHE_AN).outcome()).isEqualTo(Outcome.UNRESOLVED);
    }

    // --- the whole data

    @Test
    void everyCurrentCommuneIsFoundByItsNameAndProvince() {
        AdminUnits units = AdminUnits.official();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Province province : units.provinces()) {
            for (Commune commune : units.communesOf(province.code())) {
                String address = commune.name() + ", " + province.name();
                Resolution resolution = resolve(address, province.code());
                checked++;
                if (resolution.outcome() != Outcome.RESOLVED || !commune.code().equals(resolution.communeCode())) {
                    wrong.add(address + " (" + commune.code() + ") -> " + resolution);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(3_321);
    }

    @Test
    void everyCurrentCommuneWrittenWithoutDiacriticsIsFoundOrACandidate() {
        AdminUnits units = AdminUnits.official();
        int ambiguous = 0;
        for (Province province : units.provinces()) {
            for (Commune commune : units.communesOf(province.code())) {
                String address = TextNormalizer.searchKey(commune.name() + ", " + province.name());
                Resolution resolution = resolve(address, province.code());
                assertThat(resolution.candidates()).as(address).contains(commune.code());
                if (resolution.outcome() == Outcome.AMBIGUOUS) {
                    ambiguous++;
                }
            }
        }
        // 8 pairs that differ only by diacritics (Văn Lang / Văn Lăng, Thanh An / Thạnh An...);
        // Xã Đồng Tiến / Phường Đông Tiến are told apart by their kind
        assertThat(ambiguous).isEqualTo(16);
    }

    @Test
    void everyOldCommuneWithAUniqueNameInItsOldProvinceLeadsToExactlyItsNewCommunes() {
        AdminUnits units = AdminUnits.official();
        LegacyCommunes legacy = LegacyCommunes.official();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < 100; i++) {
            String oldProvince = String.format(Locale.ROOT, "%02d", i);
            for (LegacyCommune commune : legacy.inProvince(oldProvince)) {
                List<String> expected = new ArrayList<>(new TreeSet<>(commune.newCommuneCodes()));
                if (legacy.named(commune.oldName(), oldProvince).size() > 1
                        || !expected.stream()
                                .allMatch(code -> units.commune(code).isPresent())) {
                    continue;
                }
                String portal = units.commune(expected.get(0)).orElseThrow().provinceCode();
                String address = commune.oldName() + ", huyện Cũ, " + commune.oldProvinceName();
                Resolution resolution = resolve(address, portal);
                checked++;
                if (!resolution.candidates().equals(expected)) {
                    wrong.add(address + " -> " + resolution.candidates() + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(9_500);
    }

    @Test
    void printsHowLongAResolutionTakes() {
        List<String[]> samples = List.of(
                new String[] {"xã Long Thành, huyện Yên Thành, Nghệ An", NGHE_AN},
                new String[] {"xa Long Thanh, huyen Yen Thanh, Nghe An", NGHE_AN},
                new String[] {"số 12 đường Lê Lợi, phường Ba Đình, Hà Nội", HA_NOI},
                new String[] {"Phường Cống Vị, Quận Ba Đình, Hà Nội", HA_NOI},
                new String[] {"thôn 3", NGHE_AN},
                new String[] {"Phường 12, Quận 10, TP.HCM", "79"});
        int rounds = 20_000;
        for (int warmUp = 0; warmUp < rounds; warmUp++) {
            String[] sample = samples.get(warmUp % samples.size());
            resolve(sample[0], sample[1]);
        }
        for (String[] sample : samples) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                resolve(sample[0], sample[1]);
            }
            double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
            System.out.printf(Locale.ROOT, "resolve %-45s %6.1f µs%n", "\"" + sample[0] + "\"", micros);
        }
    }
}
