package vn.gandan.routing.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gandan.routing.authority.Authority;

/**
 * Where a petition goes and why: enough to reproduce the decision later.
 *
 * @param authority the competent body; null when the petition goes to its province's triage queue
 * @param ruleId the rule that decided; null when none did
 * @param ruleVersion that rule's version; 0 when none
 * @param matched the inputs the rule matched on, by name (e.g. {@code kind}, {@code category}, {@code
 *     communeCode}, {@code subjectAuthority})
 * @param adminUnitsVersion the admin-unit data the place was read with
 * @param directoryVersion the authority directory's version
 * @param reason for triage, a stable code ({@code commune_missing}, {@code commune_unknown}, {@code
 *     no_matching_rule}, {@code issuing_authority_unknown}, {@code issuing_authority_ambiguous}, {@code
 *     subject_authority_unknown}, ...); null when assigned
 * @param detail for triage, a sentence for the operator; null when assigned
 * @param notes what else shaped the decision, e.g. {@code conflict_of_interest: ubnd-17605 -> ubnd-40}
 */
public record RoutingDecision(
        Authority authority,
        String ruleId,
        int ruleVersion,
        Map<String, String> matched,
        String adminUnitsVersion,
        String directoryVersion,
        String reason,
        String detail,
        List<String> notes) {

    public RoutingDecision {
        matched = matched == null ? Map.of() : Map.copyOf(matched);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if ((authority == null) == (reason == null)) {
            throw new IllegalArgumentException("a decision either assigns an authority or gives a triage reason");
        }
    }

    public boolean isAssigned() {
        return authority != null;
    }

    /** The id of the chosen authority, or null for triage: what the what-if simulation compares. */
    public String authorityId() {
        return authority == null ? null : authority.id();
    }

    public static RoutingDecision triage(
            String reason,
            String detail,
            String ruleId,
            int ruleVersion,
            Map<String, String> matched,
            String adminUnitsVersion,
            String directoryVersion) {
        Objects.requireNonNull(reason, "reason");
        return new RoutingDecision(
                null, ruleId, ruleVersion, matched, adminUnitsVersion, directoryVersion, reason, detail, List.of());
    }
}
