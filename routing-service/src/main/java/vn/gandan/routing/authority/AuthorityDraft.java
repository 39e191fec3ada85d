package vn.gandan.routing.authority;

import java.time.LocalDate;
import java.util.List;

/**
 * A body, or a new version of one, as an admin asks for it: nothing checked yet ({@link AuthorityEditing} does).
 *
 * @param id for a new body only, {@code [a-z0-9-]{3,60}}
 * @param type a type's code, e.g. {@code provincial_department}
 * @param provinceCode required for a new body; a new version may leave it out, and may not change it
 * @param effectiveFrom the first day of the body, or of the new version
 */
public record AuthorityDraft(
        String id,
        String type,
        String department,
        String name,
        String adminUnitCode,
        String provinceCode,
        String parentId,
        List<ContactDraft> contacts,
        List<String> aliases,
        LocalDate effectiveFrom) {

    /** A contact as asked for; {@link Contact} once checked. Its email and phone are never logged. */
    public record ContactDraft(String role, String name, String email, String phone) {

        @Override
        public String toString() {
            return "ContactDraft[role=" + role + "]";
        }
    }

    /**
     * The end of a body.
     *
     * @param effectiveFrom the first day it is no longer in force
     * @param successorId the body that takes over its work; optional
     */
    public record Dissolution(LocalDate effectiveFrom, String successorId) {}

    @Override
    public String toString() {
        return "AuthorityDraft[id=" + id + ", type=" + type + ", effectiveFrom=" + effectiveFrom + "]";
    }
}
