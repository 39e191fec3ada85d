package vn.gandan.adminunits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Vietnam's official administrative units since 1 July 2025: 34 provinces and 3,321 communes.
 *
 * <p>Immutable and thread-safe. Codes are matched exactly (no trimming, no zero padding).
 *
 * <p>Data: {@code vn-admin-units.json} beside this class, MIT-licensed, see {@code
 * vn-admin-units.LICENSE}. Names are kept as the data gives them.
 */
public final class AdminUnits {

    private static final String RESOURCE = "vn-admin-units.json";
    private static final String DATA_VERSION = "2025-07-01/2026-07";

    private static volatile AdminUnits official;

    private final List<Province> provinces;
    private final Map<String, Province> provincesByCode;
    private final Map<String, Commune> communesByCode;
    private final Map<String, List<Commune>> communesByProvince;

    private AdminUnits(List<Province> provinces, List<Commune> communes) {
        Map<String, Province> byCode = new LinkedHashMap<>();
        for (Province province : provinces) {
            if (byCode.put(province.code(), province) != null) {
                throw new IllegalStateException("duplicate province code " + province.code());
            }
        }
        Map<String, Commune> communeByCode = new HashMap<>();
        Map<String, List<Commune>> byProvince = new HashMap<>();
        for (Commune commune : communes) {
            if (communeByCode.put(commune.code(), commune) != null) {
                throw new IllegalStateException("duplicate commune code " + commune.code());
            }
            if (!byCode.containsKey(commune.provinceCode())) {
                throw new IllegalStateException(
                        "commune " + commune.code() + " names unknown province " + commune.provinceCode());
            }
            byProvince
                    .computeIfAbsent(commune.provinceCode(), code -> new ArrayList<>())
                    .add(commune);
        }
        this.provinces = List.copyOf(provinces);
        this.provincesByCode = Map.copyOf(byCode);
        this.communesByCode = Map.copyOf(communeByCode);
        Map<String, List<Commune>> sorted = new HashMap<>();
        byProvince.forEach((code, list) -> {
            list.sort(Comparator.comparing(Commune::code));
            sorted.put(code, List.copyOf(list));
        });
        this.communesByProvince = Map.copyOf(sorted);
    }

    /**
     * The bundled official data, read on first use and then shared.
     *
     * @return the shared instance; never null
     * @throws IllegalStateException if the bundled data is missing or malformed
     */
    public static AdminUnits official() {
        AdminUnits units = official;
        if (units == null) {
            synchronized (AdminUnits.class) {
                units = official;
                if (units == null) {
                    units = load();
                    official = units;
                }
            }
        }
        return units;
    }

    private static AdminUnits load() {
        List<?> root = Resources.asArray(Resources.readJson(RESOURCE), RESOURCE);
        List<Province> provinces = new ArrayList<>();
        List<Commune> communes = new ArrayList<>();
        for (Object p : root) {
            Province province = new Province(Resources.string(p, "Code"), Resources.string(p, "FullName"));
            provinces.add(province);
            for (Object w : Resources.array(p, "Wards")) {
                Commune commune = new Commune(
                        Resources.string(w, "Code"),
                        Resources.string(w, "FullName"),
                        Resources.string(w, "ProvinceCode"));
                if (!commune.provinceCode().equals(province.code())) {
                    throw new IllegalStateException("commune " + commune.code() + " is listed under province "
                            + province.code() + " but names province " + commune.provinceCode());
                }
                communes.add(commune);
            }
        }
        provinces.sort(Comparator.comparing(Province::code));
        return new AdminUnits(provinces, communes);
    }

    /**
     * @param code a two-digit province code such as {@code "40"}; must not be null
     * @return the province, or empty if no province has this code
     */
    public Optional<Province> province(String code) {
        Objects.requireNonNull(code, "code");
        return Optional.ofNullable(provincesByCode.get(code));
    }

    /**
     * @param code a five-digit commune code such as {@code "17605"}; must not be null
     * @return the commune, or empty if no commune has this code
     */
    public Optional<Commune> commune(String code) {
        Objects.requireNonNull(code, "code");
        return Optional.ofNullable(communesByCode.get(code));
    }

    /**
     * @return all provinces, ordered by code; unmodifiable, never null
     */
    public List<Province> provinces() {
        return provinces;
    }

    /**
     * @param provinceCode a two-digit province code; must not be null
     * @return the province's communes, ordered by code; empty if the province is unknown;
     *     unmodifiable, never null
     */
    public List<Commune> communesOf(String provinceCode) {
        Objects.requireNonNull(provinceCode, "provinceCode");
        return communesByProvince.getOrDefault(provinceCode, List.of());
    }

    /**
     * @return the number of communes in all provinces
     */
    public int communeCount() {
        return communesByCode.size();
    }

    /**
     * Describes the dataset, to be recorded with decisions made from it: the date the units took
     * effect, then the month of the data snapshot.
     *
     * @return {@code "2025-07-01/2026-07"}; never null
     */
    public String dataVersion() {
        return DATA_VERSION;
    }
}
