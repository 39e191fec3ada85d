package vn.gandan.events;

import java.util.Objects;

/**
 * The authority a case is assigned to.
 *
 * @param id stable authority id, e.g. {@code ubnd-17605}
 * @param name its official name, in Vietnamese
 * @param adminUnitCode the admin unit it governs
 */
public record AuthorityRef(String id, String name, String adminUnitCode) {

    public AuthorityRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(adminUnitCode, "adminUnitCode");
    }
}
