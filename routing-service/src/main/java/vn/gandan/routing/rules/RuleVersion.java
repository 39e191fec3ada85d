package vn.gandan.routing.rules;

import java.time.Instant;

/** An earlier version of a rule, as it was saved. */
public record RuleVersion(RoutingRule rule, Instant savedAt, String savedBy) {}
