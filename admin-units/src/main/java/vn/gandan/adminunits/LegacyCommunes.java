package vn.gandan.adminunits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The communes from before 1 July 2025 (63 provinces, 10,047 communes) and the new communes each went
 * into, for addresses written before the reform.
 *
 * <p>Immutable and thread-safe. All codes here are <em>old</em> codes unless named "new": old and new
 * codes share one numbering, so the same code can denote different units before and after the
 * reform.
 *
 * <p>Data: {@code vn-admin-units-2025-splits.json} beside this class (2.3 MB, read only when {@link
 * #official()} is first called), MIT-licensed, see {@code vn-admin-units-2025-splits.LICENSE}. Known
 * limits of that data:
 *
 * <ul>
 *   <li>Six references name new commune codes that {@link AdminUnits} does not know (06970 for "Xã
 *       Ba Chẽ", which {@link AdminUnits} has as 06978; 23737 for "Xã Ia Mơ", there 23938). They are
 *       returned as the data gives them.
 *   <li>The five island districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn
 *       Đảo) are district-level entries in the data and are not included here.
 * </ul>
 */
public final class LegacyCommunes {

    private static final String RESOURCE = "vn-admin-units-2025-splits.json";

    private static volatile LegacyCommunes official;

    private final Map<String, LegacyCommune> byCode;
    private final Map<String, List<LegacySplit>> splitsByCode;
    private final Map<String, List<LegacyCommune>> byProvinceCode;
    private final Map<String, String> provinceCodeByKey;
    /** Name keys of each old province's communes, in list order; filled on first use per province. */
    private final Map<String, List<String>> nameKeysByProvince = new ConcurrentHashMap<>();

    private LegacyCommunes(
            Map<String, LegacyCommune> byCode,
            Map<String, List<LegacySplit>> splitsByCode,
            Map<String, List<LegacyCommune>> byProvinceCode,
            Map<String, String> provinceCodeByKey) {
        this.byCode = Map.copyOf(byCode);
        this.splitsByCode = Map.copyOf(splitsByCode);
        Map<String, List<LegacyCommune>> lists = new HashMap<>();
        byProvinceCode.forEach((code, list) -> lists.put(code, List.copyOf(list)));
        this.byProvinceCode = Map.copyOf(lists);
        this.provinceCodeByKey = Map.copyOf(provinceCodeByKey);
    }

    /**
     * The bundled split data, read on first use (not when {@link AdminUnits} is loaded) and then
     * shared. Also loads {@link AdminUnits#official()}, for the new communes' names.
     *
     * @return the shared instance; never null
     * @throws IllegalStateException if the bundled data is missing or malformed
     */
    public static LegacyCommunes official() {
        LegacyCommunes communes = official;
        if (communes == null) {
            synchronized (LegacyCommunes.class) {
                communes = official;
                if (communes == null) {
                    communes = load(AdminUnits.official());
                    official = communes;
                }
            }
        }
        return communes;
    }

    private static LegacyCommunes load(AdminUnits units) {
        List<?> provinces = Resources.array(Resources.readJson(RESOURCE), "data");
        Map<String, LegacyCommune> byCode = new HashMap<>();
        Map<String, List<LegacySplit>> splitsByCode = new HashMap<>();
        Map<String, List<LegacyCommune>> byProvinceCode = new HashMap<>();
        Map<String, String> provinceCodeByKey = new HashMap<>();
        for (Object p : provinces) {
            String provinceCode = Resources.string(p, "level1_id");
            String provinceName = Names.clean(Resources.string(p, "name"));
            if (byProvinceCode.containsKey(provinceCode)) {
                throw new IllegalStateException("duplicate old province code " + provinceCode);
            }
            String previous = provinceCodeByKey.put(Names.provinceKey(provinceName), provinceCode);
            if (previous != null) {
                throw new IllegalStateException("old provinces " + previous + " and " + provinceCode + " share a name");
            }
            List<LegacyCommune> communes = new ArrayList<>();
            for (Object c : Resources.array(p, "level3s")) {
                List<String> newCodes = new ArrayList<>();
                List<LegacySplit> splits = new ArrayList<>();
                for (Object s : Resources.array(c, "splits")) {
                    String newCode = Resources.string(s, "new_id");
                    String newName = units.commune(newCode)
                            .map(Commune::name)
                            .orElseGet(() -> Names.clean(Resources.string(s, "name")));
                    newCodes.add(newCode);
                    splits.add(new LegacySplit(newCode, newName));
                }
                LegacyCommune commune = new LegacyCommune(
                        Resources.string(c, "level3_id"),
                        Names.clean(Resources.string(c, "name")),
                        provinceCode,
                        provinceName,
                        newCodes);
                if (byCode.put(commune.oldCode(), commune) != null) {
                    throw new IllegalStateException("duplicate old commune code " + commune.oldCode());
                }
                splitsByCode.put(commune.oldCode(), List.copyOf(splits));
                communes.add(commune);
            }
            communes.sort(Comparator.comparing(LegacyCommune::oldCode));
            byProvinceCode.put(provinceCode, communes);
        }
        return new LegacyCommunes(byCode, splitsByCode, byProvinceCode, provinceCodeByKey);
    }

    /**
     * @param oldCommuneCode an old five-digit commune code; must not be null
     * @return the new communes the old commune went into, in the data's order; empty if the old code
     *     is unknown; unmodifiable, never null
     */
    public List<LegacySplit> byOldCode(String oldCommuneCode) {
        Objects.requireNonNull(oldCommuneCode, "oldCommuneCode");
        return splitsByCode.getOrDefault(oldCommuneCode, List.of());
    }

    /**
     * @param oldCommuneCode an old five-digit commune code; must not be null
     * @return the old commune, or empty if the old code is unknown
     */
    public Optional<LegacyCommune> oldCommune(String oldCommuneCode) {
        Objects.requireNonNull(oldCommuneCode, "oldCommuneCode");
        return Optional.ofNullable(byCode.get(oldCommuneCode));
    }

    /**
     * @param oldProvinceNameOrCode an old two-digit province code such as {@code "40"}, or an old
     *     province name with or without "Tỉnh" / "Thành phố", such as {@code "Nghệ An"}; case, spacing
     *     and tone-mark placement ("Hòa" / "Hoà") are ignored; must not be null
     * @return the old province's communes, ordered by old code; empty if the province is unknown;
     *     unmodifiable, never null
     */
    public List<LegacyCommune> inProvince(String oldProvinceNameOrCode) {
        Objects.requireNonNull(oldProvinceNameOrCode, "oldProvinceNameOrCode");
        String code = provinceCode(oldProvinceNameOrCode);
        return code == null ? List.of() : byProvinceCode.get(code);
    }

    private String provinceCode(String oldProvinceNameOrCode) {
        String code = oldProvinceNameOrCode.strip();
        return byProvinceCode.containsKey(code) ? code : provinceCodeByKey.get(Names.provinceKey(code));
    }

    /**
     * Finds old communes by name within one old province. Names can repeat within a province, so
     * there may be several matches.
     *
     * @param oldCommuneName the old commune's name, such as {@code "Xã Long Thành"}; with its kind
     *     ("Xã", "Phường", "Thị trấn") only communes of that kind match, without it ({@code "Long
     *     Thành"}) communes of any kind match; case, spacing and tone-mark placement are ignored; must
     *     not be null
     * @param oldProvinceNameOrCode as for {@link #inProvince(String)}; must not be null
     * @return the matching old communes, ordered by old code; empty if none or the province is
     *     unknown; unmodifiable, never null
     */
    public List<LegacyCommune> named(String oldCommuneName, String oldProvinceNameOrCode) {
        Objects.requireNonNull(oldCommuneName, "oldCommuneName");
        Objects.requireNonNull(oldProvinceNameOrCode, "oldProvinceNameOrCode");
        String code = provinceCode(oldProvinceNameOrCode);
        if (code == null) {
            return List.of();
        }
        String wanted = Names.key(oldCommuneName);
        boolean withKind = Names.hasCommunePrefix(wanted);
        List<LegacyCommune> communes = byProvinceCode.get(code);
        List<String> keys = nameKeysByProvince.computeIfAbsent(
                code, c -> communes.stream().map(x -> Names.key(x.oldName())).toList());
        List<LegacyCommune> found = new ArrayList<>(1);
        for (int i = 0; i < communes.size(); i++) {
            String key = keys.get(i);
            if (withKind ? key.equals(wanted) : Names.bareCommuneKey(key).equals(wanted)) {
                found.add(communes.get(i));
            }
        }
        return List.copyOf(found);
    }

    /**
     * @return the number of old communes in all old provinces
     */
    public int oldCommuneCount() {
        return byCode.size();
    }
}
