package vn.gandan.routing.rules;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.Province;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.authority.AuthorityType;

/**
 * A directory for tests only, generated from the admin-unit data with the real directory's id scheme ({@code
 * ubnd-<commune>}, {@code ubnd-<province>}, {@code so-xay-dung-<province>}, ...). {@link #named} compares names
 * without accents, case or extra spaces, reading "UBND" as "Ủy ban nhân dân"; the real directory does more.
 */
public final class TestAuthorities implements AuthorityDirectory {

    static final LocalDate SINCE = LocalDate.of(2025, 7, 1);

    private static final Map<String, String[]> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("construction", new String[] {"so-xay-dung-", "Sở Xây dựng "});
        DEPARTMENTS.put(
                "agriculture_environment",
                new String[] {"so-nong-nghiep-moi-truong-", "Sở Nông nghiệp và Môi trường "});
        DEPARTMENTS.put("health", new String[] {"so-y-te-", "Sở Y tế "});
        DEPARTMENTS.put("education", new String[] {"so-giao-duc-", "Sở Giáo dục và Đào tạo "});
        DEPARTMENTS.put("home_affairs", new String[] {"so-noi-vu-", "Sở Nội vụ "});
    }

    private static final TestAuthorities OFFICIAL = new TestAuthorities(List.of());

    private final Map<String, Authority> byId = new HashMap<>();
    private final Map<String, Map<String, List<Authority>>> byName = new HashMap<>();
    private final Map<String, List<Authority>> byProvince = new HashMap<>();

    /** Every province's and commune's bodies. */
    public static TestAuthorities official() {
        return OFFICIAL;
    }

    /** The official bodies and some more, e.g. a second body of the same name, or one under a department. */
    public static TestAuthorities with(Authority... extra) {
        return new TestAuthorities(List.of(extra));
    }

    private TestAuthorities(List<Authority> extra) {
        for (Province province : AdminUnits.official().provinces()) {
            String p = province.code();
            String top = "ubnd-" + p;
            add(body(
                    top,
                    AuthorityType.PROVINCIAL_PEOPLES_COMMITTEE,
                    null,
                    "Ủy ban nhân dân " + province.name(),
                    p,
                    p,
                    null));
            DEPARTMENTS.forEach((department, scheme) -> add(body(
                    scheme[0] + p,
                    AuthorityType.PROVINCIAL_DEPARTMENT,
                    department,
                    scheme[1] + province.name(),
                    p,
                    p,
                    top)));
            add(body(
                    "thanh-tra-" + p,
                    AuthorityType.PROVINCIAL_INSPECTORATE,
                    null,
                    "Thanh tra " + province.name(),
                    p,
                    p,
                    top));
            add(body("cong-an-" + p, AuthorityType.POLICE, null, "Công an " + province.name(), p, p, top));
            for (Commune commune : AdminUnits.official().communesOf(p)) {
                add(body(
                        "ubnd-" + commune.code(),
                        AuthorityType.COMMUNE_PEOPLES_COMMITTEE,
                        null,
                        "Ủy ban nhân dân " + commune.name(),
                        commune.code(),
                        p,
                        top));
            }
        }
        extra.forEach(this::add);
    }

    static Authority body(
            String id,
            AuthorityType type,
            String department,
            String name,
            String unit,
            String province,
            String parent) {
        return new Authority(id, type, department, name, unit, province, parent, List.of(), List.of(), SINCE, null);
    }

    private void add(Authority authority) {
        byId.put(authority.id(), authority);
        byProvince
                .computeIfAbsent(authority.provinceCode(), p -> new ArrayList<>())
                .add(authority);
        List<String> names = new ArrayList<>(authority.aliases());
        names.add(authority.name());
        for (String name : names) {
            byName.computeIfAbsent(authority.provinceCode(), p -> new HashMap<>())
                    .computeIfAbsent(key(name), k -> new ArrayList<>())
                    .add(authority);
        }
    }

    static String key(String text) {
        String s = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replaceAll("\\s+", " ");
        return s.startsWith("ubnd ") ? "uy ban nhan dan " + s.substring(5) : s;
    }

    @Override
    public Optional<Authority> find(String id, LocalDate on) {
        return Optional.ofNullable(byId.get(id)).filter(a -> a.isInForceOn(on));
    }

    @Override
    public Optional<Authority> byType(
            AuthorityType type, String department, String provinceCode, String communeCode, LocalDate on) {
        String id =
                switch (type) {
                    case COMMUNE_PEOPLES_COMMITTEE -> communeCode == null ? null : "ubnd-" + communeCode;
                    case PROVINCIAL_PEOPLES_COMMITTEE -> "ubnd-" + provinceCode;
                    case PROVINCIAL_DEPARTMENT ->
                        DEPARTMENTS.containsKey(department) ? DEPARTMENTS.get(department)[0] + provinceCode : null;
                    case PROVINCIAL_INSPECTORATE -> "thanh-tra-" + provinceCode;
                    case POLICE -> "cong-an-" + provinceCode;
                };
        return id == null
                ? Optional.empty()
                : find(id, on).filter(a -> a.provinceCode().equals(provinceCode) && a.type() == type);
    }

    @Override
    public List<Authority> named(String text, String provinceCode, LocalDate on) {
        return byName.getOrDefault(provinceCode, Map.of()).getOrDefault(key(text), List.of()).stream()
                .filter(a -> a.isInForceOn(on))
                .toList();
    }

    @Override
    public List<Authority> inProvince(String provinceCode, LocalDate on) {
        return byProvince.getOrDefault(provinceCode, List.of()).stream()
                .filter(a -> a.isInForceOn(on))
                .toList();
    }

    @Override
    public String version() {
        return "test-authorities";
    }
}
