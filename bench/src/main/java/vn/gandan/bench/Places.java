package vn.gandan.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.LegacyCommune;
import vn.gandan.adminunits.LegacyCommunes;
import vn.gandan.adminunits.Province;

/**
 * Where the generated petitions are: the portal's province, its current communes, and its communes from
 * before July 2025 (for addresses written the old way).
 *
 * @param provinceCode the portal's province, such as {@code "40"}
 * @param provinceName its name as people write it in an address, such as {@code "Nghệ An"}
 * @param communes its current communes; not empty
 * @param oldCommunes its communes before the 2025 reform (may be empty)
 * @param oldAddresses full pre-2025 addresses with their district, known to be real; may be empty
 * @param box {south, west, north, east} around the province, for points; null when not known
 */
public record Places(
        String provinceCode,
        String provinceName,
        List<Commune> communes,
        List<LegacyCommune> oldCommunes,
        List<String> oldAddresses,
        double[] box) {

    /** Real pre-2025 addresses with their districts, for provinces where we know some. */
    private static final Map<String, List<String>> OLD_ADDRESSES = Map.of(
            "40",
            List.of(
                    "xã Long Thành, huyện Yên Thành, Nghệ An",
                    "phường Hưng Bình, thành phố Vinh, Nghệ An",
                    "thị trấn Diễn Châu, huyện Diễn Châu, tỉnh Nghệ An",
                    "thị trấn Nam Đàn, huyện Nam Đàn, Nghệ An",
                    "xóm 5, xã Long Thành, huyện Yên Thành, tỉnh Nghệ An"));

    /** Boxes around provinces, {south, west, north, east} in degrees, for the provinces we know. */
    private static final Map<String, double[]> BOXES = Map.of("40", new double[] {18.55, 103.87, 19.99, 105.81});

    public Places {
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(provinceName, "provinceName");
        communes = List.copyOf(communes);
        oldCommunes = List.copyOf(oldCommunes);
        oldAddresses = List.copyOf(oldAddresses);
        box = box == null ? null : box.clone();
        if (communes.isEmpty()) {
            throw new IllegalArgumentException("province " + provinceCode + " has no communes");
        }
    }

    /**
     * The places of one province from the official data ({@link AdminUnits}, {@link LegacyCommunes}).
     *
     * @param provinceCode a current two-digit province code, such as {@code "40"}
     * @throws IllegalArgumentException if no province has this code
     */
    public static Places of(String provinceCode) {
        AdminUnits units = AdminUnits.official();
        Province province = units.province(provinceCode)
                .orElseThrow(() -> new IllegalArgumentException("no province with code " + provinceCode));
        String name = shortName(province.name());
        return new Places(
                provinceCode,
                name,
                units.communesOf(provinceCode),
                LegacyCommunes.official().inProvince(name),
                OLD_ADDRESSES.getOrDefault(provinceCode, List.of()),
                BOXES.get(provinceCode));
    }

    /** {@code "Tỉnh Nghệ An"} → {@code "Nghệ An"}; {@code "Thành phố Hà Nội"} → {@code "Hà Nội"}. */
    static String shortName(String fullName) {
        for (String prefix : List.of("Tỉnh ", "Thành phố ")) {
            if (fullName.startsWith(prefix)) {
                return fullName.substring(prefix.length());
            }
        }
        return fullName;
    }
}
