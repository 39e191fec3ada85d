package vn.gandan.adminunits;

import java.util.List;
import java.util.Objects;

/**
 * A commune from before 1 July 2025 (xã, phường or thị trấn), with the new communes it went into.
 *
 * <p>Old codes are from the pre-reform code lists: the same code may denote a different unit after
 * the reform, so never look an old code up in {@link AdminUnits}.
 *
 * @param oldCode the old five-digit commune code; must not be null
 * @param oldName the old full name, such as {@code "Xã Long Thành"}; must not be null
 * @param oldProvinceCode the old two-digit code of its province (one of 63); must not be null
 * @param oldProvinceName the old full name of its province, such as {@code "Tỉnh Nghệ An"}; must not
 *     be null
 * @param newCommuneCodes the codes of the new communes it went into, in the data's order (usually
 *     one; several when it was split); must not be null nor contain null; copied
 */
public record LegacyCommune(
        String oldCode, String oldName, String oldProvinceCode, String oldProvinceName, List<String> newCommuneCodes) {

    /**
     * @param oldCode must not be null
     * @param oldName must not be null
     * @param oldProvinceCode must not be null
     * @param oldProvinceName must not be null
     * @param newCommuneCodes must not be null nor contain null
     */
    public LegacyCommune {
        Objects.requireNonNull(oldCode, "oldCode");
        Objects.requireNonNull(oldName, "oldName");
        Objects.requireNonNull(oldProvinceCode, "oldProvinceCode");
        Objects.requireNonNull(oldProvinceName, "oldProvinceName");
        newCommuneCodes = List.copyOf(newCommuneCodes);
    }
}
