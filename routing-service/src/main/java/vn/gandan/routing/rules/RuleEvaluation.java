package vn.gandan.routing.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDirectory;

/**
 * One decision: the first matching rule, its target resolved in the directory as it stood on the day of receipt,
 * then the conflict-of-interest rule. Looks the subject authority up at most once. Not thread-safe; one per
 * decision.
 */
final class RuleEvaluation {

    /** Deeper than any province's hierarchy; stops a cycle in bad directory data from looping forever. */
    private static final int MAX_DEPTH = 16;

    private final RoutingInputs in;
    private final AuthorityDirectory directory;
    private final String subjectText;
    private List<Authority> subjects;

    RuleEvaluation(RoutingInputs in, AuthorityDirectory directory) {
        this.in = in;
        this.directory = directory;
        this.subjectText = present(RoutingInputs.SUBJECT_AUTHORITY);
    }

    RoutingDecision decide(CompiledRule[] candidates) {
        for (CompiledRule rule : candidates) {
            if (matches(rule)) {
                return decideBy(rule);
            }
        }
        return triage(
                null,
                "no_matching_rule",
                "No routing rule applies to a " + in.kind().code() + " in " + in.category(),
                base(),
                List.of());
    }

    private boolean matches(CompiledRule rule) {
        if (!rule.communes.isEmpty() && (in.communeCode() == null || !rule.communes.contains(in.communeCode()))) {
            return false;
        }
        for (String detail : rule.details) {
            if (present(detail) == null) {
                return false;
            }
        }
        if (rule.fromDetail != null && present(rule.fromDetail) == null) {
            return false;
        }
        if (!rule.subjectTypes.isEmpty()) {
            List<Authority> found = subjects();
            return found.size() == 1 && rule.subjectTypes.contains(found.get(0).type());
        }
        return true;
    }

    private RoutingDecision decideBy(CompiledRule rule) {
        Map<String, String> matched = base();
        rule.details.forEach(d -> matched.put(d, present(d)));
        if (rule.fromDetail != null) {
            matched.put(rule.fromDetail, present(rule.fromDetail));
        }
        if (subjectText != null) {
            // Consulted by the conflict-of-interest rule whatever the rule matched on.
            matched.put(RoutingInputs.SUBJECT_AUTHORITY, subjectText);
        }
        List<String> notes = new ArrayList<>();
        Authority chosen;
        switch (rule.targetKind) {
            case TYPE -> {
                String communeCode = null;
                if (rule.targetType.isCommuneLevel()) {
                    communeCode = in.communeCode();
                    if (communeCode == null) {
                        return triage(
                                rule, "commune_missing", "The address did not resolve to a commune", matched, notes);
                    }
                    var commune = AdminUnits.official().commune(communeCode);
                    if (commune.isEmpty() || !commune.get().provinceCode().equals(in.provinceCode())) {
                        return triage(
                                rule,
                                "commune_unknown",
                                "Commune " + communeCode + " is not in the admin-unit data of province "
                                        + in.provinceCode(),
                                matched,
                                notes);
                    }
                }
                Optional<Authority> found = directory.byType(
                        rule.targetType, rule.department, in.provinceCode(), communeCode, in.decidedOn());
                if (found.isEmpty()) {
                    return triage(
                            rule,
                            "authority_not_found",
                            "The directory has no " + rule.targetType.code()
                                    + (rule.department == null ? "" : " " + rule.department) + " for "
                                    + (communeCode == null ? "province " + in.provinceCode() : "commune " + communeCode)
                                    + " on " + in.decidedOn(),
                            matched,
                            notes);
                }
                chosen = found.get();
            }
            case DETAIL -> {
                String prefix = RoutingInputs.ISSUING_AUTHORITY.equals(rule.fromDetail)
                        ? "issuing_authority"
                        : "subject_authority";
                List<Authority> found = RoutingInputs.SUBJECT_AUTHORITY.equals(rule.fromDetail)
                        ? subjects()
                        : directory.named(present(rule.fromDetail), in.provinceCode(), in.decidedOn());
                if (found.size() != 1) {
                    boolean none = found.isEmpty();
                    return triage(
                            rule,
                            prefix + (none ? "_unknown" : "_ambiguous"),
                            "\"" + present(rule.fromDetail) + "\" names "
                                    + (none ? "no body" : found.size() + " bodies") + " of province "
                                    + in.provinceCode(),
                            matched,
                            notes);
                }
                chosen = found.get(0);
            }
            case FIXED -> {
                Optional<Authority> found = directory.find(rule.authorityId, in.decidedOn());
                if (found.isEmpty()) {
                    return triage(
                            rule,
                            "authority_not_found",
                            "The directory has no " + rule.authorityId + " on " + in.decidedOn(),
                            matched,
                            notes);
                }
                chosen = found.get();
            }
            default -> throw new IllegalStateException(rule.targetKind.name());
        }
        return withoutConflict(rule, chosen, matched, notes);
    }

    /**
     * No body may decide on itself or on the body it answers to: a petition about S never goes to S or a body
     * under S, but to S's parent. For a denunciation an unresolved subject goes to a person, since nobody can show
     * there is no conflict; for other kinds it is only noted.
     */
    private RoutingDecision withoutConflict(
            CompiledRule rule, Authority chosen, Map<String, String> matched, List<String> notes) {
        if (subjectText == null) {
            return assigned(rule, chosen, matched, notes);
        }
        List<Authority> found = subjects();
        if (found.size() != 1) {
            String reason = found.isEmpty() ? "subject_authority_unknown" : "subject_authority_ambiguous";
            if (in.kind() == PetitionKind.DENUNCIATION) {
                return triage(
                        rule,
                        reason,
                        "\"" + subjectText + "\" names " + (found.isEmpty() ? "no body" : found.size() + " bodies")
                                + " of province " + in.provinceCode() + ": a conflict of interest cannot be ruled out",
                        matched,
                        notes);
            }
            notes.add(reason + ": " + subjectText);
            return assigned(rule, chosen, matched, notes);
        }
        Authority subject = found.get(0);
        if (!isSameOrUnder(chosen, subject)) {
            return assigned(rule, chosen, matched, notes);
        }
        Optional<Authority> parent = directory.parentOf(subject, in.decidedOn());
        if (parent.isEmpty()) {
            notes.add("conflict_of_interest: " + chosen.id() + " -> none");
            return triage(
                    rule,
                    "conflict_of_interest",
                    chosen.id() + " would decide on " + subject.id() + ", which has no parent in the directory",
                    matched,
                    notes);
        }
        notes.add("conflict_of_interest: " + chosen.id() + " -> " + parent.get().id());
        return assigned(rule, parent.get(), matched, notes);
    }

    private boolean isSameOrUnder(Authority chosen, Authority subject) {
        Authority at = chosen;
        for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
            if (at.id().equals(subject.id())) {
                return true;
            }
            at = directory.parentOf(at, in.decidedOn()).orElse(null);
        }
        return false;
    }

    private List<Authority> subjects() {
        if (subjects == null) {
            subjects =
                    subjectText == null ? List.of() : directory.named(subjectText, in.provinceCode(), in.decidedOn());
        }
        return subjects;
    }

    private String present(String detail) {
        String value = in.details().get(detail);
        return value == null || value.isBlank() ? null : value;
    }

    private Map<String, String> base() {
        Map<String, String> matched = new LinkedHashMap<>();
        matched.put("kind", in.kind().code());
        matched.put("category", in.category());
        matched.put("provinceCode", in.provinceCode());
        if (in.communeCode() != null) {
            matched.put("communeCode", in.communeCode());
        }
        return matched;
    }

    private RoutingDecision assigned(
            CompiledRule rule, Authority authority, Map<String, String> matched, List<String> notes) {
        return new RoutingDecision(
                authority,
                rule.id,
                rule.version,
                matched,
                AdminUnits.official().dataVersion(),
                directory.version(),
                null,
                null,
                notes);
    }

    private RoutingDecision triage(
            CompiledRule rule, String reason, String detail, Map<String, String> matched, List<String> notes) {
        return new RoutingDecision(
                null,
                rule == null ? null : rule.id,
                rule == null ? 0 : rule.version,
                matched,
                AdminUnits.official().dataVersion(),
                directory.version(),
                reason,
                detail,
                notes);
    }
}
