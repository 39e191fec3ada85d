package vn.gandan.routing.rules;

import java.util.Comparator;

/**
 * One version of a routing rule, as the API takes and returns it and as the store keeps it. Rules are evaluated by
 * {@link #ORDER}; the first enabled rule that matches decides.
 *
 * @param id {@code [a-z0-9-]{3,60}}, stable across versions
 * @param version 1 for a new rule, one more with each change; a change names the version it edits
 * @param priority 0..1,000,000, lower first; ties are broken by id
 * @param description why the rule exists, with its legal basis
 * @param enabled false keeps the rule in the set without letting it decide; true when absent
 * @param match which petitions it applies to; any when absent
 * @param target where those petitions go
 */
public record RoutingRule(
        String id,
        Integer version,
        Integer priority,
        String description,
        Boolean enabled,
        RuleMatch match,
        RuleTarget target) {

    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 1_000_000;

    /** Evaluation order: priority ascending, then id. */
    public static final Comparator<RoutingRule> ORDER = Comparator.comparingInt(
                    (RoutingRule r) -> r.priority() == null ? MAX_PRIORITY : r.priority())
            .thenComparing(r -> r.id() == null ? "" : r.id());

    public RoutingRule {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        match = match == null ? RuleMatch.ANY : match;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The same rule as the given version. */
    public RoutingRule withVersion(int newVersion) {
        return new RoutingRule(id, newVersion, priority, description, enabled, match, target);
    }
}
