package vn.gandan.routing.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gandan.adminunits.AdminUnits;

class AuthorityLookupUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final Clock clock = Clock.fixed(Instant.parse("2026-01-15T03:00:00Z"), StoredAuthorityDirectory.ZONE);
    static final AuthorityDirectory directory = StoredAuthorityDirectory.inMemory(
            GeneratedAuthorities.of(AdminUnits.official()), AdminUnits.official(), clock);

    static List<String> named(String text, String province) {
        return directory.named(text, province, TODAY).stream()
                .map(Authority::id)
                .toList();
    }

    @Test
    void whatCitizensWriteResolvesWhateverTheAccentsCaseAndShortForms() {
        assertThat(named("UBND xã Hợp Minh", "40")).containsExactly("ubnd-17605");
        assertThat(named("uy ban nhan dan xa hop minh", "40")).containsExactly("ubnd-17605");
        assertThat(named("  Uỷ  ban nhân dân   Hợp Minh ", "40")).containsExactly("ubnd-17605");
        assertThat(named("UBND Hợp Minh", "40")).containsExactly("ubnd-17605");
        assertThat(named("Sở Xây dựng", "40")).containsExactly("so-xay-dung-40");
        assertThat(named("so xay dung tinh nghe an", "40")).containsExactly("so-xay-dung-40");
        assertThat(named("Sở Tài nguyên và Môi trường", "40")).containsExactly("so-nong-nghiep-moi-truong-40");
        assertThat(named("Sở GD&ĐT", "40")).containsExactly("so-giao-duc-40");
        assertThat(named("UBND TP. Hà Nội", "01")).containsExactly("ubnd-01");
        assertThat(named("Ủy ban nhân dân thành phố Hà Nội", "01")).containsExactly("ubnd-01");
        assertThat(named("Công an Hà Nội", "01")).containsExactly("cong-an-01");
    }

    @Test
    void onlyTheProvincesBodiesAndOnlyExactNamesMatch() {
        assertThat(named("UBND xã Hợp Minh", "01")).isEmpty();
        assertThat(named("Sở Xây dựng", "01")).containsExactly("so-xay-dung-01");
        assertThat(named("Hợp Minh", "40")).isEmpty();
        assertThat(named("UBND xã Hợp", "40")).isEmpty();
        assertThat(named("   ", "40")).isEmpty();
        assertThat(named(null, "40")).isEmpty();
    }

    @Test
    void aNameTwoBodiesAnswerToGivesBoth() {
        // Tỉnh Lào Cai and its Phường Lào Cai: "UBND Lào Cai" may mean either.
        assertThat(named("UBND Lào Cai", "15")).containsExactly("ubnd-02647", "ubnd-15");
        assertThat(named("UBND tỉnh Lào Cai", "15")).containsExactly("ubnd-15");
        assertThat(named("UBND phường Lào Cai", "15")).containsExactly("ubnd-02647");
    }

    @Test
    void byTypeFindsTheBodyOfAPlace() {
        assertThat(directory
                        .byType(AuthorityType.COMMUNE_PEOPLES_COMMITTEE, null, "40", "17605", TODAY)
                        .map(Authority::id))
                .contains("ubnd-17605");
        assertThat(directory.byType(AuthorityType.COMMUNE_PEOPLES_COMMITTEE, null, "01", "17605", TODAY))
                .isEmpty();
        assertThat(directory
                        .byType(AuthorityType.PROVINCIAL_DEPARTMENT, "health", "40", null, TODAY)
                        .map(Authority::id))
                .contains("so-y-te-40");
        assertThat(directory.byType(AuthorityType.PROVINCIAL_DEPARTMENT, null, "40", null, TODAY))
                .isEmpty();
        assertThat(directory
                        .byType(AuthorityType.POLICE, null, "40", "17605", TODAY)
                        .map(Authority::id))
                .contains("cong-an-40");
        assertThat(directory.byType(
                        AuthorityType.PROVINCIAL_PEOPLES_COMMITTEE, null, "40", null, LocalDate.of(2025, 6, 30)))
                .as("before the two-level reform")
                .isEmpty();
        assertThat(directory
                        .parentOf(directory.find("ubnd-17605", TODAY).orElseThrow(), TODAY)
                        .map(Authority::id))
                .contains("ubnd-40");
        assertThat(directory.inProvince("40", TODAY))
                .hasSize(8 + AdminUnits.official().communesOf("40").size());
        assertThat(directory.version()).isEqualTo("2025-07-01/2026-07+r0");
    }

    @Test
    void aRenamedBodyAnswersWithTheNameOfTheDayAskedAbout() {
        List<AuthorityHistory> bodies = new ArrayList<>(GeneratedAuthorities.of(AdminUnits.official()));
        AuthorityHistory hopMinh = bodies.stream()
                .filter(b -> b.id().equals("ubnd-17605"))
                .findFirst()
                .orElseThrow();
        Authority old = hopMinh.latest();
        LocalDate renamed = LocalDate.of(2027, 1, 1);
        Authority closed = new Authority(
                old.id(),
                old.type(),
                null,
                old.name(),
                old.adminUnitCode(),
                old.provinceCode(),
                old.parentId(),
                old.aliases(),
                old.contacts(),
                old.effectiveFrom(),
                renamed.minusDays(1));
        Authority next = new Authority(
                old.id(),
                old.type(),
                null,
                "Ủy ban nhân dân Xã Hợp Minh Mới",
                old.adminUnitCode(),
                old.provinceCode(),
                old.parentId(),
                List.of(),
                List.of(),
                renamed,
                null);
        bodies.remove(hopMinh);
        bodies.add(new AuthorityHistory(old.id(), "40", List.of(next, closed), null));
        AuthorityDirectory changed = StoredAuthorityDirectory.inMemory(bodies, AdminUnits.official(), clock);

        LocalDate eve = LocalDate.of(2026, 12, 31);
        assertThat(changed.find("ubnd-17605", eve).orElseThrow().name()).isEqualTo("Ủy ban nhân dân Xã Hợp Minh");
        assertThat(changed.find("ubnd-17605", renamed).orElseThrow().name())
                .isEqualTo("Ủy ban nhân dân Xã Hợp Minh Mới");
        assertThat(changed.named("UBND Hợp Minh", "40", eve))
                .extracting(Authority::id)
                .containsExactly("ubnd-17605");
        assertThat(changed.named("UBND Hợp Minh", "40", renamed)).isEmpty();
        assertThat(changed.named("UBND xã Hợp Minh Mới", "40", renamed))
                .extracting(Authority::id)
                .containsExactly("ubnd-17605");
        assertThat(changed.byType(AuthorityType.COMMUNE_PEOPLES_COMMITTEE, null, "40", "17605", renamed)
                        .map(Authority::name))
                .contains("Ủy ban nhân dân Xã Hợp Minh Mới");
    }
}
