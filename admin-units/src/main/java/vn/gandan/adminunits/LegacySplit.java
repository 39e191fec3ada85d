package vn.gandan.adminunits;

import java.util.Objects;

/**
 * One new commune (since 1 July 2025) that took in all or part of a commune from before the reform.
 *
 * @param newCommuneCode the new commune's code, such as {@code "17605"}; must not be null. A few
 *     codes in the bundled split data are not known to {@link AdminUnits} (see {@link
 *     LegacyCommunes})
 * @param newCommuneName the new commune's official name from {@link AdminUnits#official()} when its
 *     code is known there, else the name given by the split data; must not be null
 */
public record LegacySplit(String newCommuneCode, String newCommuneName) {

    /**
     * @param newCommuneCode must not be null
     * @param newCommuneName must not be null
     */
    public LegacySplit {
        Objects.requireNonNull(newCommuneCode, "newCommuneCode");
        Objects.requireNonNull(newCommuneName, "newCommuneName");
    }
}
