package vn.gandan.routing.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gandan.adminunits.AdminUnits;

class AuthorityGenerationUnitTests {

    static final AdminUnits units = AdminUnits.official();
    static final List<AuthorityHistory> generated = GeneratedAuthorities.of(units);
    static final Map<String, Authority> byId = generated.stream()
            .map(body -> body.versions().get(0))
            .collect(Collectors.toMap(Authority::id, Function.identity()));

    static long count(AuthorityType type) {
        return byId.values().stream().filter(a -> a.type() == type).count();
    }

    @Test
    void everyProvinceAndCommuneHasItsBodiesOnceEach() {
        assertThat(generated).hasSize(byId.size()); // ids are unique
        assertThat(count(AuthorityType.PROVINCIAL_PEOPLES_COMMITTEE)).isEqualTo(34);
        assertThat(count(AuthorityType.PROVINCIAL_DEPARTMENT)).isEqualTo(34 * 5);
        assertThat(count(AuthorityType.PROVINCIAL_INSPECTORATE)).isEqualTo(34);
        assertThat(count(AuthorityType.POLICE)).isEqualTo(34);
        assertThat(count(AuthorityType.COMMUNE_PEOPLES_COMMITTEE)).isEqualTo(3321);
        assertThat(byId).hasSize(34 * 8 + 3321);
        assertThat(generated).allSatisfy(body -> {
            assertThat(body.versions()).hasSize(1);
            assertThat(body.latest().effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(body.latest().effectiveTo()).isNull();
        });
    }

    @Test
    void namesAndIdsFollowTheOfficialNamesAndRoutingsScheme() {
        Authority commune = byId.get("ubnd-17605");
        assertThat(commune.type()).isEqualTo(AuthorityType.COMMUNE_PEOPLES_COMMITTEE);
        assertThat(commune.name()).isEqualTo("Ủy ban nhân dân Xã Hợp Minh");
        assertThat(commune.adminUnitCode()).isEqualTo("17605");
        assertThat(commune.provinceCode()).isEqualTo("40");
        assertThat(commune.parentId()).isEqualTo("ubnd-40");
        assertThat(commune.aliases()).containsExactly("UBND Xã Hợp Minh", "UBND Hợp Minh", "Ủy ban nhân dân Hợp Minh");

        Authority province = byId.get("ubnd-40");
        assertThat(province.name()).isEqualTo("Ủy ban nhân dân Tỉnh Nghệ An");
        assertThat(province.parentId()).isNull();
        assertThat(province.adminUnitCode()).isEqualTo("40");
        assertThat(province.aliases()).contains("UBND Nghệ An");

        assertThat(byId.get("so-xay-dung-40").name()).isEqualTo("Sở Xây dựng Tỉnh Nghệ An");
        assertThat(byId.get("so-xay-dung-40").department()).isEqualTo("construction");
        assertThat(byId.get("so-nong-nghiep-moi-truong-40").department()).isEqualTo("agriculture_environment");
        assertThat(byId.get("so-y-te-40").department()).isEqualTo("health");
        assertThat(byId.get("so-giao-duc-40").name()).isEqualTo("Sở Giáo dục và Đào tạo Tỉnh Nghệ An");
        assertThat(byId.get("so-noi-vu-40").department()).isEqualTo("home_affairs");
        assertThat(byId.get("thanh-tra-40").name()).isEqualTo("Thanh tra Tỉnh Nghệ An");
        assertThat(byId.get("cong-an-01").name()).isEqualTo("Công an Thành phố Hà Nội");
    }

    @Test
    void everyBodyButTheCommitteeAndPoliceEscalatesToItsProvincesCommittee() {
        assertThat(byId.values()).allSatisfy(authority -> {
            String committee = "ubnd-" + authority.provinceCode();
            switch (authority.type()) {
                case PROVINCIAL_PEOPLES_COMMITTEE, POLICE ->
                    assertThat(authority.parentId()).isNull();
                default -> assertThat(authority.parentId()).isEqualTo(committee);
            }
            if (authority.type() == AuthorityType.COMMUNE_PEOPLES_COMMITTEE) {
                assertThat(units.commune(authority.adminUnitCode())
                                .orElseThrow()
                                .provinceCode())
                        .isEqualTo(authority.provinceCode());
            } else {
                assertThat(authority.adminUnitCode()).isEqualTo(authority.provinceCode());
            }
        });
    }
}
