package vn.gandan.routing.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.gandan.events.PetitionKind;

/** Small factories for rules and inputs in tests. */
final class RuleSamples {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    private RuleSamples() {}

    /** The bundled seed, each at version 1 as the store gives them. */
    static List<RoutingRule> seed() {
        return RuleSeed.bundled().stream().map(r -> r.withVersion(1)).toList();
    }

    static RoutingRule rule(String id, int priority, RuleMatch match, RuleTarget target) {
        return new RoutingRule(id, 1, priority, "test rule " + id, true, match, target);
    }

    static RuleMatch match() {
        return RuleMatch.ANY;
    }

    static RuleMatch kinds(String... kinds) {
        return new RuleMatch(List.of(kinds), null, null, null, null, null);
    }

    static RuleMatch categories(String... categories) {
        return new RuleMatch(null, List.of(categories), null, null, null, null);
    }

    static RuleMatch provinces(String... provinces) {
        return new RuleMatch(null, null, List.of(provinces), null, null, null);
    }

    static RuleMatch communes(String... communes) {
        return new RuleMatch(null, null, null, List.of(communes), null, null);
    }

    static RuleMatch subjectTypes(String... types) {
        return new RuleMatch(null, null, null, null, List.of(types), null);
    }

    static RuleMatch details(String... details) {
        return new RuleMatch(null, null, null, null, null, List.of(details));
    }

    static RoutingInputs inputs(PetitionKind kind, String category, String province, String commune) {
        return new RoutingInputs(kind, category, province, commune, Map.of(), RECEIVED);
    }

    static RoutingInputs inputs(
            PetitionKind kind, String category, String province, String commune, Map<String, String> details) {
        return new RoutingInputs(kind, category, province, commune, details, RECEIVED);
    }

    /** The flooded crossroads of Xã Hợp Minh. */
    static RoutingInputs floodedCrossroads() {
        return inputs(PetitionKind.RECOMMENDATION, "infrastructure.drainage", "40", "17605");
    }
}
