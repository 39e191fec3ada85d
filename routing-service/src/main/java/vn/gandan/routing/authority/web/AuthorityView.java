package vn.gandan.routing.authority.web;

import java.time.LocalDate;
import java.util.List;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityHistory;
import vn.gandan.routing.authority.AuthorityType;
import vn.gandan.routing.authority.Contact;

/** What the authority API answers; one version of a body is shown as the {@link Authority} record itself. */
final class AuthorityView {

    private AuthorityView() {}

    /**
     * A body: the version in force on {@code today} (else its latest, with {@code inForce} false), every version
     * oldest first, and the successor it was dissolved into.
     */
    record Detail(
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
            LocalDate effectiveTo,
            boolean inForce,
            String successorId,
            List<Authority> history) {

        static Detail of(AuthorityHistory body, LocalDate today) {
            Authority shown = body.currentOrLatest(today);
            return new Detail(
                    body.id(),
                    shown.type(),
                    shown.department(),
                    shown.name(),
                    shown.adminUnitCode(),
                    shown.provinceCode(),
                    shown.parentId(),
                    shown.aliases(),
                    shown.contacts(),
                    shown.effectiveFrom(),
                    shown.effectiveTo(),
                    shown.isInForceOn(today),
                    body.successorId(),
                    body.versions());
        }
    }

    /** A page of a list. */
    record Page(List<Authority> items, int page, int size, int total) {}
}
