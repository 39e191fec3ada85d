package vn.gandan.adminunits;

import java.util.Objects;

/**
 * A province-level unit (tỉnh or thành phố trực thuộc trung ương) since 1 July 2025.
 *
 * @param code the two-digit official code, such as {@code "40"}; must not be null
 * @param name the full official name, such as {@code "Tỉnh Nghệ An"}; must not be null
 */
public record Province(String code, String name) {

    /**
     * @param code must not be null
     * @param name must not be null
     */
    public Province {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
