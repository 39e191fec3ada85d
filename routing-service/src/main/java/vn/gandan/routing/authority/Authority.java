package vn.gandan.routing.authority;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import vn.gandan.events.AuthorityRef;

/**
 * One version of a public body that answers petitions, in force from {@code effectiveFrom} to {@code effectiveTo}
 * (both inclusive; no end while null). A reorganization adds a version; it never rewrites the earlier one.
 *
 * @param id stable, e.g. {@code ubnd-17605} (a commune's committee), {@code ubnd-40} (the province's), {@code
 *     so-xay-dung-40}
 * @param department for {@link AuthorityType#PROVINCIAL_DEPARTMENT} only, a code such as {@code construction};
 *     null otherwise
 * @param name the official name in Vietnamese
 * @param adminUnitCode the unit it governs: a commune code or a province code
 * @param provinceCode the province it belongs to; the jurisdiction operators are limited by
 * @param parentId the body it escalates to; null at the top of the province
 * @param aliases other names people write for it (e.g. {@code UBND xã Hợp Minh}), matched by {@link
 *     AuthorityDirectory#named}
 */
public record Authority(
        String id,
        AuthorityType type,
        String department,
        String name,
        String adminUnitCode,
        String provinceCode,
        String parentId,
        List<String> aliases,
        List<Contact> contacts,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    public Authority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(adminUnitCode, "adminUnitCode");
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        if ((type == AuthorityType.PROVINCIAL_DEPARTMENT) != (department != null)) {
            throw new IllegalArgumentException("a department, and only a department, names its department: " + id);
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveTo precedes effectiveFrom for " + id);
        }
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** How events name it. */
    public AuthorityRef ref() {
        return new AuthorityRef(id, name, adminUnitCode);
    }
}
