package vn.gandan.routing.rules;

import java.time.Instant;
import java.util.List;

/**
 * A rule as the store holds it.
 *
 * @param rule the current version
 * @param retired a retired rule no longer decides; it keeps its id and history
 * @param history the earlier versions, oldest first
 */
public record StoredRule(
        RoutingRule rule,
        boolean retired,
        Instant savedAt,
        String savedBy,
        Instant retiredAt,
        String retiredBy,
        List<RuleVersion> history) {}
