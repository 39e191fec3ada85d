package vn.gandan.adminunits;

import java.util.Objects;

/**
 * A commune-level unit (xã, phường or đặc khu) since 1 July 2025.
 *
 * @param code the five-digit official code, such as {@code "17605"}; must not be null
 * @param name the full official name, starting with its kind, such as {@code "Xã Hợp Minh"}; must
 *     not be null
 * @param provinceCode the code of the province it belongs to, such as {@code "40"}; must not be null
 */
public record Commune(String code, String name, String provinceCode) {

    /**
     * @param code must not be null
     * @param name must not be null, and must start with "Xã ", "Phường " or "Đặc khu " (case ignored)
     * @param provinceCode must not be null
     * @throws IllegalArgumentException if the name does not start with a known kind
     */
    public Commune {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provinceCode, "provinceCode");
        if (CommuneKind.ofName(name) == null) {
            throw new IllegalArgumentException(
                    "commune name must start with Xã, Phường or Đặc khu: \"" + name + "\" (" + code + ")");
        }
    }

    /**
     * @return the kind given by the name's prefix; never null
     */
    public CommuneKind kind() {
        return CommuneKind.ofName(name);
    }
}
