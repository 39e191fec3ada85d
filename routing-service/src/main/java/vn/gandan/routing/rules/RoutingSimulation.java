package vn.gandan.routing.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;

/**
 * What-if: where the stored petitions would go by a draft rule set, compared with where they are now. Reads
 * petitions through {@link RoutedPetitions} (the cases feature) and stores nothing.
 */
@Service
public class RoutingSimulation {

    /**
     * @param from the authority the petition is with now; null in triage
     * @param to where the draft sends it; null for triage
     * @param reason the draft's triage reason; null when it assigns
     */
    public record Change(String petitionId, String from, String to, String ruleId, String reason) {}

    /**
     * @param provinceCode the province simulated; null for all
     * @param changes at most the requested limit, in the order the petitions were read
     */
    public record Result(String provinceCode, int evaluated, int changed, int unchanged, List<Change> changes) {}

    private final RuleValidation validation;
    private final RoutingRules rules;
    private final RoutedPetitions petitions;
    private final RoutingRulesProperties properties;

    RoutingSimulation(
            RuleValidation validation,
            RoutingRules rules,
            RoutedPetitions petitions,
            RoutingRulesProperties properties) {
        this.validation = validation;
        this.rules = rules;
        this.petitions = petitions;
        this.properties = properties;
    }

    /**
     * @param provinceCode null for every province
     * @param limit how many changes to list, 1..{@code simulation-max-changes}
     * @throws InvalidRequestException 400 listing every problem of the draft, province and limit
     */
    public Result simulate(List<RoutingRule> draft, String provinceCode, int limit) {
        List<FieldReason> problems = new ArrayList<>(validation.problems(draft));
        if (provinceCode != null && AdminUnits.official().province(provinceCode).isEmpty()) {
            problems.add(FieldReason.of("provinceCode", RuleValidation.CODE + "province.unknown", provinceCode));
        }
        if (limit < 1 || limit > properties.simulationMaxChanges()) {
            problems.add(FieldReason.of(
                    "limit",
                    RuleValidation.CODE + "limit.range",
                    "1",
                    String.valueOf(properties.simulationMaxChanges())));
        }
        RoutingRuleBook.requireValid(problems);
        RuleSet set = RuleSet.of(draft);
        List<Change> changes = new ArrayList<>();
        int[] counts = new int[2]; // evaluated, changed
        petitions.forEach(provinceCode, properties.simulationMaxPetitions(), petition -> {
            counts[0]++;
            RoutingDecision decision = rules.decide(petition.inputs(), set);
            if (!Objects.equals(decision.authorityId(), petition.currentAuthorityId())) {
                counts[1]++;
                if (changes.size() < limit) {
                    changes.add(new Change(
                            petition.petitionId(),
                            petition.currentAuthorityId(),
                            decision.authorityId(),
                            decision.ruleId(),
                            decision.reason()));
                }
            }
        });
        return new Result(provinceCode, counts[0], counts[1], counts[0] - counts[1], List.copyOf(changes));
    }
}
