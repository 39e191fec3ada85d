package vn.gandan.routing.authority;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.gandan.adminunits.AdminUnits;

/** INTERIM (replaced by the authority feature): committees of every commune and province. */
@Component
class InterimAuthorityDirectory implements AuthorityDirectory {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private final Map<String, Authority> byId;

    InterimAuthorityDirectory() {
        AdminUnits units = AdminUnits.official();
        List<Authority> all = new ArrayList<>();
        for (var p : units.provinces()) {
            all.add(new Authority(
                    "ubnd-" + p.code(),
                    AuthorityType.PROVINCIAL_PEOPLES_COMMITTEE,
                    null,
                    "Ủy ban nhân dân " + p.name(),
                    p.code(),
                    p.code(),
                    null,
                    List.of(),
                    List.of(),
                    REFORM,
                    null));
            for (var c : units.communesOf(p.code())) {
                all.add(new Authority(
                        "ubnd-" + c.code(),
                        AuthorityType.COMMUNE_PEOPLES_COMMITTEE,
                        null,
                        "Ủy ban nhân dân " + c.name(),
                        c.code(),
                        p.code(),
                        "ubnd-" + p.code(),
                        List.of(),
                        List.of(),
                        REFORM,
                        null));
            }
        }
        byId = all.stream().collect(Collectors.toMap(Authority::id, Function.identity()));
    }

    @Override
    public Optional<Authority> find(String id, LocalDate on) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Authority> byType(
            AuthorityType type, String department, String provinceCode, String communeCode, LocalDate on) {
        return find("ubnd-" + (type == AuthorityType.COMMUNE_PEOPLES_COMMITTEE ? communeCode : provinceCode), on);
    }

    @Override
    public List<Authority> named(String text, String provinceCode, LocalDate on) {
        return byId.values().stream()
                .filter(a -> a.name().equalsIgnoreCase(text))
                .toList();
    }

    @Override
    public List<Authority> inProvince(String provinceCode, LocalDate on) {
        return byId.values().stream()
                .filter(a -> a.provinceCode().equals(provinceCode))
                .toList();
    }

    @Override
    public String version() {
        return AdminUnits.official().dataVersion();
    }
}
