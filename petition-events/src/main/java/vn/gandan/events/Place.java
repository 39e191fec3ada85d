package vn.gandan.events;

import java.util.Objects;

/**
 * Where a petition is about, as official admin-unit codes (post-July-2025, two levels).
 *
 * @param provinceCode must not be null: every petition belongs to a province
 * @param communeCode null when intake could not resolve the address to one commune
 */
public record Place(String provinceCode, String communeCode) {

    public Place {
        Objects.requireNonNull(provinceCode, "provinceCode");
    }

    public boolean hasCommune() {
        return communeCode != null;
    }
}
