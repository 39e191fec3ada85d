package vn.gandan.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gandan.routing.rules.RuleSamples.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gandan.support.web.FieldReason;

class RuleValidationUnitTests {

    final RuleValidation validation = new RuleValidation(
            TestAuthorities.official(), Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC));

    static final RuleTarget PROVINCE = RuleTarget.ofType("provincial_peoples_committee");

    /** "field=code" for each problem, so a test reads as the list the admin gets. */
    List<String> problems(RoutingRule rule) {
        return validation.problems(rule).stream()
                .map(RuleValidationUnitTests::line)
                .toList();
    }

    static String line(FieldReason r) {
        return r.field() + "=" + r.reason().code().substring(RuleValidation.CODE.length());
    }

    static RoutingRule matching(RuleMatch match) {
        return rule("a-rule", 10, match, PROVINCE);
    }

    static RuleMatch matchOf(String list, String... values) {
        List<String> v = Arrays.asList(values);
        return switch (list) {
            case "kinds" -> new RuleMatch(v, null, null, null, null, null);
            case "categories" -> new RuleMatch(null, v, null, null, null, null);
            case "subjectTypes" -> new RuleMatch(null, null, null, null, v, null);
            case "details" -> new RuleMatch(null, null, null, null, null, v);
            default -> throw new IllegalArgumentException(list);
        };
    }

    @Test
    void theSeedIsValid() {
        seed().forEach(rule ->
                assertThat(validation.problems(rule)).as(rule.id()).isEmpty());
        assertThat(validation.problems(seed())).isEmpty();
    }

    @Test
    void aValidRuleWithEveryListHasNoProblem() {
        var match = new RuleMatch(
                List.of("denunciation"),
                List.of("officials.conduct", "infrastructure.*"),
                List.of("40"),
                List.of("17605"),
                List.of("commune_peoples_committee"),
                List.of("issuingAuthority"));
        assertThat(problems(rule("denunciation-official", 100, match, RuleTarget.department("construction"))))
                .isEmpty();
        assertThat(problems(rule("fixed", 0, match(), RuleTarget.authority("thanh-tra-40"))))
                .isEmpty();
        assertThat(problems(rule("max", RoutingRule.MAX_PRIORITY, match(), RuleTarget.fromDetail("subjectAuthority"))))
                .isEmpty();
    }

    @Test
    void theIdMustFollowThePattern() {
        for (String bad : Arrays.asList("ab", "Has-Capitals", "under_score", "x".repeat(61), null)) {
            assertThat(problems(rule(bad, 10, match(), PROVINCE))).as(bad).containsExactly("id=id.pattern");
        }
    }

    @Test
    void thePriorityMustBeInRange() {
        assertThat(problems(rule("a-rule", -1, match(), PROVINCE))).containsExactly("priority=priority.range");
        assertThat(problems(rule("a-rule", 1_000_001, match(), PROVINCE))).containsExactly("priority=priority.range");
        assertThat(problems(new RoutingRule("a-rule", 1, null, null, true, match(), PROVINCE)))
                .containsExactly("priority=priority.range");
    }

    @Test
    void unknownKindsCategoriesTypesAndDetailsAreNamedByIndex() {
        assertThat(problems(matching(matchOf("kinds", "complaint", "petition"))))
                .containsExactly("match.kinds[1]=kind.unknown");
        assertThat(problems(matching(matchOf("categories", "officials.conduct", "roads", "nothing.*", "health.*"))))
                .containsExactly("match.categories[1]=category.unknown", "match.categories[2]=category.unknown");
        assertThat(problems(matching(matchOf("subjectTypes", "ministry"))))
                .containsExactly("match.subjectTypes[0]=subject-type.unknown");
        assertThat(problems(matching(matchOf("details", "issuingAuthority", "citizenName"))))
                .containsExactly("match.details[1]=detail.unknown");
        assertThat(problems(matching(matchOf("kinds", (String) null)))).containsExactly("match.kinds[0]=value.blank");
    }

    @Test
    void placesMustExistAndCommunesLieInTheListedProvinces() {
        assertThat(problems(matching(new RuleMatch(null, null, List.of("40", "99"), null, null, null))))
                .containsExactly("match.provinces[1]=province.unknown");
        assertThat(problems(matching(new RuleMatch(null, null, null, List.of("17605", "00000"), null, null))))
                .containsExactly("match.communes[1]=commune.unknown");
        assertThat(problems(matching(new RuleMatch(null, null, List.of("01"), List.of("17605"), null, null))))
                .containsExactly("match.communes[0]=commune.outside-provinces");
    }

    @Test
    void exactlyOneTarget() {
        assertThat(problems(rule("a-rule", 10, match(), null))).containsExactly("target=target.missing");
        assertThat(problems(rule("a-rule", 10, match(), new RuleTarget(null, null, null, null))))
                .containsExactly("target=target.missing");
        assertThat(problems(rule("a-rule", 10, match(), new RuleTarget("police", null, "issuingAuthority", null))))
                .containsExactly("target=target.several");
    }

    @Test
    void aTargetsPartsMustBeKnown() {
        assertThat(problems(rule("a-rule", 10, match(), RuleTarget.ofType("ministry"))))
                .containsExactly("target.type=target-type.unknown");
        assertThat(problems(rule("a-rule", 10, match(), RuleTarget.department("tourism"))))
                .containsExactly("target.department=department.unknown");
        assertThat(problems(rule("a-rule", 10, match(), RuleTarget.ofType("provincial_department"))))
                .containsExactly("target.department=department.required");
        assertThat(problems(rule("a-rule", 10, match(), new RuleTarget("police", "construction", null, null))))
                .containsExactly("target.department=department.not-allowed");
        assertThat(problems(rule("a-rule", 10, match(), RuleTarget.fromDetail("roadName"))))
                .containsExactly("target.fromDetail=from-detail.unknown");
        assertThat(problems(rule("a-rule", 10, match(), RuleTarget.authority("so-du-lich-40"))))
                .containsExactly("target.authorityId=authority.unknown");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        var bad = new RoutingRule(
                "X",
                1,
                -5,
                null,
                true,
                new RuleMatch(List.of("petition"), List.of("roads"), List.of("99"), null, null, null),
                null);
        assertThat(problems(bad))
                .containsExactly(
                        "id=id.pattern",
                        "priority=priority.range",
                        "match.kinds[0]=kind.unknown",
                        "match.categories[0]=category.unknown",
                        "match.provinces[0]=province.unknown",
                        "target=target.missing");
    }

    @Test
    void aDraftNamesEachRuleByIndexAndWantsUniqueIds() {
        var draft = Arrays.asList(
                rule("same-id", 1, match(), PROVINCE),
                rule("same-id", 2, match(), RuleTarget.ofType("ministry")),
                null);
        assertThat(validation.problems(draft).stream().map(RuleValidationUnitTests::line))
                .containsExactly(
                        "rules[1].target.type=target-type.unknown", "rules[1].id=id.duplicate", "rules[2]=draft.null");
        assertThat(validation.problems(List.of()).stream().map(RuleValidationUnitTests::line))
                .containsExactly("rules=draft.empty");
    }
}
