package vn.gandan.routing.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Province;
import vn.gandan.events.CategoryCodes;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.authority.AuthorityDirectory;

/**
 * A whole set of rules, compiled: the live set or a draft for the what-if simulation. Immutable and thread-safe.
 *
 * <p>Rules are indexed by (kind, category, province) for every known code, so a decision looks at the few rules
 * that can apply to it, already in evaluation order, instead of all of them; a code outside the index (a category
 * added to the contract later) falls back to a scan.
 */
public final class RuleSet {

    private final List<RoutingRule> rules;
    private final List<CompiledRule> enabled;
    private final Map<PetitionKind, Map<String, Map<String, CompiledRule[]>>> index;

    private RuleSet(List<RoutingRule> rules) {
        this.rules = rules.stream().sorted(RoutingRule.ORDER).toList();
        this.enabled = this.rules.stream()
                .map(CompiledRule::new)
                .filter(r -> r.enabled)
                .toList();
        this.index = new EnumMap<>(PetitionKind.class);
        List<Province> provinces = AdminUnits.official().provinces();
        for (PetitionKind kind : PetitionKind.values()) {
            Map<String, Map<String, CompiledRule[]>> byCategory = new HashMap<>();
            for (String category : CategoryCodes.ALL) {
                List<CompiledRule> forCategory = enabled.stream()
                        .filter(r -> r.acceptsKind(kind) && r.acceptsCategory(category))
                        .toList();
                Map<String, CompiledRule[]> byProvince = new HashMap<>();
                for (Province province : provinces) {
                    byProvince.put(
                            province.code(),
                            forCategory.stream()
                                    .filter(r -> r.acceptsProvince(province.code()))
                                    .toArray(CompiledRule[]::new));
                }
                byCategory.put(category, Map.copyOf(byProvince));
            }
            index.put(kind, Map.copyOf(byCategory));
        }
    }

    /**
     * @param rules every rule of the set, in any order; each must pass {@link RuleValidation}
     * @throws IllegalArgumentException if one has no id, no single target, or an unknown kind or type
     */
    public static RuleSet of(Collection<RoutingRule> rules) {
        return new RuleSet(List.copyOf(rules));
    }

    /** The rules, disabled ones included, in evaluation order. */
    public List<RoutingRule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    RoutingDecision decide(RoutingInputs inputs, AuthorityDirectory directory) {
        return new RuleEvaluation(inputs, directory).decide(candidates(inputs));
    }

    /** The enabled rules that may match by kind, category and province, in evaluation order. */
    CompiledRule[] candidates(RoutingInputs inputs) {
        var byProvince = index.get(inputs.kind()).get(inputs.category());
        CompiledRule[] indexed = byProvince == null ? null : byProvince.get(inputs.provinceCode());
        if (indexed != null) {
            return indexed;
        }
        List<CompiledRule> scanned = new ArrayList<>();
        for (CompiledRule rule : enabled) {
            if (rule.acceptsKind(inputs.kind())
                    && rule.acceptsCategory(inputs.category())
                    && rule.acceptsProvince(inputs.provinceCode())) {
                scanned.add(rule);
            }
        }
        return scanned.toArray(CompiledRule[]::new);
    }
}
