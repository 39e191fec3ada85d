package vn.gandan.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gandan.routing.rules.RuleSamples.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.authority.AuthorityType;

class RoutingRulesUnitTests {

    static final AuthorityDirectory directory = TestAuthorities.official();
    static final RuleTarget PROVINCE = RuleTarget.ofType("provincial_peoples_committee");
    static final RuleTarget POLICE = RuleTarget.ofType("police");

    static RoutingDecision decide(List<RoutingRule> rules, RoutingInputs inputs) {
        return RuleSet.of(rules).decide(inputs, directory);
    }

    static RoutingDecision decideBySeed(RoutingInputs inputs) {
        return decide(seed(), inputs);
    }

    /** A rule under test that sends to the police, before a catch-all that sends to the provincial committee. */
    static String routedBy(RuleMatch match, RoutingInputs inputs) {
        return decide(List.of(rule("under-test", 10, match, POLICE), rule("catch-all", 20, match(), PROVINCE)), inputs)
                .ruleId();
    }

    static Map<String, String> subject(String name) {
        return Map.of(RoutingInputs.SUBJECT_AUTHORITY, name);
    }

    @Nested
    class TheSeed {

        @Test
        void sendsAFloodedCrossroadsToItsCommunesCommittee() {
            RoutingDecision decision = decideBySeed(floodedCrossroads());
            assertThat(decision.authorityId()).isEqualTo("ubnd-17605");
            assertThat(decision.ruleId()).isEqualTo("commune-people-committee");
            assertThat(decision.ruleVersion()).isEqualTo(1);
            assertThat(decision.matched())
                    .containsEntry("kind", "recommendation")
                    .containsEntry("category", "infrastructure.drainage")
                    .containsEntry("provinceCode", "40")
                    .containsEntry("communeCode", "17605");
            assertThat(decision.adminUnitsVersion())
                    .isEqualTo(AdminUnits.official().dataVersion());
            assertThat(decision.directoryVersion())
                    .isEqualTo(TestAuthorities.official().version());
            assertThat(decision.notes()).isEmpty();
        }

        @Test
        void liftsADenunciationOfTheCommunesOwnCommitteeToTheProvince() {
            RoutingDecision decision = decideBySeed(
                    inputs(PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("UBND xã Hợp Minh")));
            assertThat(decision.authorityId()).isEqualTo("ubnd-40");
            assertThat(decision.ruleId()).isEqualTo("denunciation-commune-official");
            assertThat(decision.notes()).containsExactly("conflict_of_interest: ubnd-17605 -> ubnd-40");
            assertThat(decision.matched()).containsEntry(RoutingInputs.SUBJECT_AUTHORITY, "UBND xã Hợp Minh");
        }

        @Test
        void sendsAComplaintToTheBodyThatIssuedTheDecision() {
            RoutingDecision decision = decideBySeed(inputs(
                    PetitionKind.COMPLAINT,
                    "land.compensation",
                    "40",
                    "17605",
                    Map.of(RoutingInputs.ISSUING_AUTHORITY, "Sở Xây dựng Tỉnh Nghệ An")));
            assertThat(decision.authorityId()).isEqualTo("so-xay-dung-40");
            assertThat(decision.ruleId()).isEqualTo("complaint-issuing-authority");
            assertThat(decision.matched()).containsEntry(RoutingInputs.ISSUING_AUTHORITY, "Sở Xây dựng Tỉnh Nghệ An");
        }

        @Test
        void sendsADenunciationOfADepartmentsOfficialToTheInspectorate() {
            RoutingDecision decision = decideBySeed(inputs(
                    PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("Sở Y tế Tỉnh Nghệ An")));
            assertThat(decision.authorityId()).isEqualTo("thanh-tra-40");
            assertThat(decision.ruleId()).isEqualTo("denunciation-provincial-official");
            assertThat(decision.notes()).isEmpty();
        }

        @Test
        void aComplaintWithoutItsIssuerFallsToTheCommune() {
            RoutingDecision decision = decideBySeed(inputs(
                    PetitionKind.COMPLAINT,
                    "land.compensation",
                    "40",
                    "17605",
                    Map.of(RoutingInputs.ISSUING_AUTHORITY, "  ")));
            assertThat(decision.ruleId()).isEqualTo("commune-people-committee");
        }

        @Test
        void sendsAPetitionWithoutACommuneToTriage() {
            RoutingDecision decision = decideBySeed(inputs(PetitionKind.RECOMMENDATION, "other", "40", null));
            assertThat(decision.isAssigned()).isFalse();
            assertThat(decision.reason()).isEqualTo("commune_missing");
            assertThat(decision.ruleId()).isEqualTo("commune-people-committee");
        }
    }

    @Nested
    class ConflictOfInterest {

        @Test
        void liftsTheSameBodyToItsParent() {
            RoutingDecision decision = decideBySeed(inputs(
                    PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("Thanh tra Tỉnh Nghệ An")));
            assertThat(decision.authorityId()).isEqualTo("ubnd-40");
            assertThat(decision.notes()).containsExactly("conflict_of_interest: thanh-tra-40 -> ubnd-40");
        }

        @Test
        void liftsABodyUnderTheSubjectToTheSubjectsParent() {
            var directory = TestAuthorities.with(TestAuthorities.body(
                    "chi-cuc-thuy-loi-40",
                    AuthorityType.PROVINCIAL_INSPECTORATE,
                    null,
                    "Chi cục Thủy lợi Nghệ An",
                    "40",
                    "40",
                    "so-nong-nghiep-moi-truong-40"));
            RoutingDecision decision = RuleSet.of(
                            List.of(rule("to-sub-agency", 1, match(), RuleTarget.authority("chi-cuc-thuy-loi-40"))))
                    .decide(
                            inputs(
                                    PetitionKind.RECOMMENDATION,
                                    "officials.conduct",
                                    "40",
                                    "17605",
                                    subject("Sở Nông nghiệp và Môi trường Tỉnh Nghệ An")),
                            directory);
            assertThat(decision.authorityId()).isEqualTo("ubnd-40");
            assertThat(decision.notes()).containsExactly("conflict_of_interest: chi-cuc-thuy-loi-40 -> ubnd-40");
        }

        @Test
        void sendsASubjectAtTheTopOfItsProvinceToTriage() {
            RoutingDecision decision = decideBySeed(inputs(
                    PetitionKind.DENUNCIATION,
                    "officials.conduct",
                    "40",
                    "17605",
                    subject("Ủy ban nhân dân Tỉnh Nghệ An")));
            assertThat(decision.isAssigned()).isFalse();
            assertThat(decision.reason()).isEqualTo("conflict_of_interest");
            assertThat(decision.ruleId()).isEqualTo("denunciation-provincial-official");
        }

        @Test
        void leavesAnUnrelatedBodyAlone() {
            RoutingDecision decision = decide(
                    List.of(rule("to-police", 1, match(), POLICE)),
                    inputs(PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("UBND xã Hợp Minh")));
            assertThat(decision.authorityId()).isEqualTo("cong-an-40");
            assertThat(decision.notes()).isEmpty();
        }

        @Test
        void sendsADenunciationWhoseSubjectIsUnknownToTriage() {
            RoutingDecision decision = decideBySeed(
                    inputs(PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("Ban quản lý chợ")));
            assertThat(decision.reason()).isEqualTo("subject_authority_unknown");
        }

        @Test
        void sendsADenunciationWhoseSubjectIsAmbiguousToTriage() {
            var directory = TestAuthorities.with(TestAuthorities.body(
                    "ubnd-17605-bis",
                    AuthorityType.COMMUNE_PEOPLES_COMMITTEE,
                    null,
                    "Ủy ban nhân dân Xã Hợp Minh",
                    "17605",
                    "40",
                    "ubnd-40"));
            RoutingDecision decision = RuleSet.of(seed())
                    .decide(
                            inputs(
                                    PetitionKind.DENUNCIATION,
                                    "officials.conduct",
                                    "40",
                                    "17605",
                                    subject("UBND xã Hợp Minh")),
                            directory);
            assertThat(decision.reason()).isEqualTo("subject_authority_ambiguous");
        }

        @Test
        void onlyNotesAnUnknownSubjectOfARecommendation() {
            RoutingDecision decision = decideBySeed(inputs(
                    PetitionKind.RECOMMENDATION, "officials.conduct", "40", "17605", subject("Ban quản lý chợ")));
            assertThat(decision.authorityId()).isEqualTo("ubnd-17605");
            assertThat(decision.notes()).containsExactly("subject_authority_unknown: Ban quản lý chợ");
        }
    }

    @Nested
    class Matching {

        @Test
        void byKind() {
            assertThat(routedBy(kinds("complaint"), inputs(PetitionKind.COMPLAINT, "other", "40", "17605")))
                    .isEqualTo("under-test");
            assertThat(routedBy(kinds("complaint"), inputs(PetitionKind.DENUNCIATION, "other", "40", "17605")))
                    .isEqualTo("catch-all");
        }

        @Test
        void byExactCategory() {
            RuleMatch roads = categories("infrastructure.roads");
            assertThat(routedBy(roads, inputs(PetitionKind.RECOMMENDATION, "infrastructure.roads", "40", "17605")))
                    .isEqualTo("under-test");
            assertThat(routedBy(roads, inputs(PetitionKind.RECOMMENDATION, "infrastructure.drainage", "40", "17605")))
                    .isEqualTo("catch-all");
        }

        @Test
        void byCategoryGroup() {
            RuleMatch infrastructure = categories("infrastructure.*");
            assertThat(routedBy(
                            infrastructure,
                            inputs(PetitionKind.RECOMMENDATION, "infrastructure.lighting", "40", "17605")))
                    .isEqualTo("under-test");
            assertThat(routedBy(
                            infrastructure, inputs(PetitionKind.RECOMMENDATION, "environment.waste", "40", "17605")))
                    .isEqualTo("catch-all");
            assertThat(routedBy(categories("health.*"), inputs(PetitionKind.RECOMMENDATION, "health", "40", "17605")))
                    .isEqualTo("under-test");
        }

        @Test
        void byProvince() {
            assertThat(routedBy(provinces("40"), floodedCrossroads())).isEqualTo("under-test");
            assertThat(routedBy(provinces("01"), floodedCrossroads())).isEqualTo("catch-all");
        }

        @Test
        void byCommune() {
            assertThat(routedBy(communes("17605"), floodedCrossroads())).isEqualTo("under-test");
            assertThat(routedBy(communes("17606"), floodedCrossroads())).isEqualTo("catch-all");
            assertThat(routedBy(communes("17605"), inputs(PetitionKind.RECOMMENDATION, "other", "40", null)))
                    .isEqualTo("catch-all");
        }

        @Test
        void bySubjectType() {
            RuleMatch aboutACommune = subjectTypes("commune_peoples_committee");
            var aboutHopMinh =
                    inputs(PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("UBND xã Hợp Minh"));
            var aboutTheDepartment = inputs(
                    PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("Sở Y tế Tỉnh Nghệ An"));
            var aboutNobody = inputs(PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605");
            assertThat(routedBy(aboutACommune, aboutHopMinh)).isEqualTo("under-test");
            assertThat(routedBy(aboutACommune, aboutTheDepartment)).isEqualTo("catch-all");
            assertThat(routedBy(aboutACommune, aboutNobody)).isEqualTo("catch-all");
        }

        @Test
        void byPresentDetails() {
            RuleMatch withParcel = details("landParcel");
            assertThat(routedBy(
                            withParcel,
                            inputs(
                                    PetitionKind.COMPLAINT,
                                    "land.dispute",
                                    "40",
                                    "17605",
                                    Map.of("landParcel", "12/3"))))
                    .isEqualTo("under-test");
            assertThat(routedBy(
                            withParcel,
                            inputs(PetitionKind.COMPLAINT, "land.dispute", "40", "17605", Map.of("landParcel", " "))))
                    .isEqualTo("catch-all");
            assertThat(routedBy(withParcel, inputs(PetitionKind.COMPLAINT, "land.dispute", "40", "17605")))
                    .isEqualTo("catch-all");
        }

        @Test
        void byEveryListAtOnce() {
            RuleMatch all = new RuleMatch(
                    List.of("denunciation"),
                    List.of("officials.*"),
                    List.of("40"),
                    List.of("17605"),
                    List.of("commune_peoples_committee"),
                    List.of(RoutingInputs.SUBJECT_AUTHORITY));
            var matching =
                    inputs(PetitionKind.DENUNCIATION, "officials.conduct", "40", "17605", subject("UBND xã Hợp Minh"));
            assertThat(routedBy(all, matching)).isEqualTo("under-test");
            var otherKind =
                    inputs(PetitionKind.COMPLAINT, "officials.conduct", "40", "17605", subject("UBND xã Hợp Minh"));
            assertThat(routedBy(all, otherKind)).isEqualTo("catch-all");
        }

        @Test
        void aCategoryTheIndexDoesNotKnowIsStillMatched() {
            assertThat(routedBy(provinces("40"), inputs(PetitionKind.RECOMMENDATION, "future.topic", "40", "17605")))
                    .isEqualTo("under-test");
            assertThat(routedBy(
                            categories("infrastructure.*"),
                            inputs(PetitionKind.RECOMMENDATION, "infrastructure.bridges", "40", "17605")))
                    .isEqualTo("under-test");
        }
    }

    @Nested
    class Order {

        @Test
        void lowerPriorityDecidesFirstWhateverTheListOrder() {
            var rules = List.of(rule("b-late", 20, match(), PROVINCE), rule("a-early", 10, match(), POLICE));
            assertThat(decide(rules, floodedCrossroads()).ruleId()).isEqualTo("a-early");
        }

        @Test
        void aTieIsBrokenById() {
            var rules = List.of(rule("b-rule", 10, match(), PROVINCE), rule("a-rule", 10, match(), POLICE));
            assertThat(decide(rules, floodedCrossroads()).ruleId()).isEqualTo("a-rule");
            assertThat(RuleSet.of(rules).rules()).extracting(RoutingRule::id).containsExactly("a-rule", "b-rule");
        }

        @Test
        void aDisabledRuleNeverDecides() {
            var disabled = new RoutingRule("a-off", 1, 1, "off", false, match(), POLICE);
            var rules = List.of(disabled, rule("b-on", 2, match(), PROVINCE));
            assertThat(decide(rules, floodedCrossroads()).ruleId()).isEqualTo("b-on");
            assertThat(RuleSet.of(rules).rules()).hasSize(2);
        }

        @Test
        void noMatchingRuleSendsToTriage() {
            RoutingDecision decision =
                    decide(List.of(rule("complaints", 1, kinds("complaint"), POLICE)), floodedCrossroads());
            assertThat(decision.reason()).isEqualTo("no_matching_rule");
            assertThat(decision.ruleId()).isNull();
            assertThat(decision.ruleVersion()).isZero();
            assertThat(decision.adminUnitsVersion())
                    .isEqualTo(AdminUnits.official().dataVersion());
        }

        @Test
        void anUnresolvableTargetDoesNotFallThrough() {
            var rules = List.of(
                    rule("to-issuer", 1, match(), RuleTarget.fromDetail(RoutingInputs.ISSUING_AUTHORITY)),
                    rule("to-province", 2, match(), PROVINCE));
            RoutingDecision decision = decide(
                    rules,
                    inputs(
                            PetitionKind.COMPLAINT,
                            "land.compensation",
                            "40",
                            "17605",
                            Map.of(RoutingInputs.ISSUING_AUTHORITY, "Sở Không Có")));
            assertThat(decision.reason()).isEqualTo("issuing_authority_unknown");
            assertThat(decision.ruleId()).isEqualTo("to-issuer");
        }

        @Test
        void aFromDetailRuleMatchesOnlyWithTheDetail() {
            var rules = List.of(
                    rule("to-issuer", 1, match(), RuleTarget.fromDetail(RoutingInputs.ISSUING_AUTHORITY)),
                    rule("to-province", 2, match(), PROVINCE));
            assertThat(decide(rules, floodedCrossroads()).ruleId()).isEqualTo("to-province");
        }
    }

    @Nested
    class Targets {

        @Test
        void aDepartmentOfThePetitionsProvince() {
            var rules = List.of(rule("roads", 1, match(), RuleTarget.department("construction")));
            assertThat(decide(rules, inputs(PetitionKind.RECOMMENDATION, "other", "01", null))
                            .authorityId())
                    .isEqualTo("so-xay-dung-01");
        }

        @Test
        void eachProvincialType() {
            for (var type : List.of("provincial_peoples_committee", "provincial_inspectorate", "police")) {
                var decision = decide(List.of(rule("t", 1, match(), RuleTarget.ofType(type))), floodedCrossroads());
                assertThat(decision.authority().type().code()).isEqualTo(type);
                assertThat(decision.authority().provinceCode()).isEqualTo("40");
            }
        }

        @Test
        void aFixedBody() {
            var rules = List.of(rule("fixed", 1, match(), RuleTarget.authority("thanh-tra-01")));
            assertThat(decide(rules, floodedCrossroads()).authorityId()).isEqualTo("thanh-tra-01");
        }

        @Test
        void aFixedBodyMissingFromTheDirectory() {
            var rules = List.of(rule("fixed", 1, match(), RuleTarget.authority("so-khong-co-40")));
            assertThat(decide(rules, floodedCrossroads()).reason()).isEqualTo("authority_not_found");
        }

        @Test
        void aTypeMissingFromTheDirectory() {
            var rules = List.of(rule("t", 1, match(), RuleTarget.department("tourism")));
            assertThat(decide(rules, floodedCrossroads()).reason()).isEqualTo("authority_not_found");
        }

        @Test
        void theSubjectItselfIsLiftedAtOnce() {
            var rules = List.of(rule("subject", 1, match(), RuleTarget.fromDetail(RoutingInputs.SUBJECT_AUTHORITY)));
            RoutingDecision decision = decide(
                    rules,
                    inputs(
                            PetitionKind.RECOMMENDATION,
                            "officials.conduct",
                            "40",
                            "17605",
                            subject("Sở Y tế Tỉnh Nghệ An")));
            assertThat(decision.authorityId()).isEqualTo("ubnd-40");
            assertThat(decision.notes()).containsExactly("conflict_of_interest: so-y-te-40 -> ubnd-40");
        }

        @Test
        void anAmbiguousIssuer() {
            var directory = TestAuthorities.with(TestAuthorities.body(
                    "so-xay-dung-40-bis",
                    AuthorityType.PROVINCIAL_INSPECTORATE,
                    null,
                    "Sở Xây dựng Tỉnh Nghệ An",
                    "40",
                    "40",
                    "ubnd-40"));
            RoutingDecision decision = RuleSet.of(seed())
                    .decide(
                            inputs(
                                    PetitionKind.COMPLAINT,
                                    "land.compensation",
                                    "40",
                                    "17605",
                                    Map.of(RoutingInputs.ISSUING_AUTHORITY, "Sở Xây dựng Tỉnh Nghệ An")),
                            directory);
            assertThat(decision.reason()).isEqualTo("issuing_authority_ambiguous");
        }

        @Test
        void aCommuneUnknownToTheAdminUnits() {
            RoutingDecision decision = decideBySeed(inputs(PetitionKind.RECOMMENDATION, "other", "40", "99999"));
            assertThat(decision.reason()).isEqualTo("commune_unknown");
        }

        @Test
        void aCommuneOfAnotherProvince() {
            String hanoiCommune = AdminUnits.official().communesOf("01").get(0).code();
            RoutingDecision decision = decideBySeed(inputs(PetitionKind.RECOMMENDATION, "other", "40", hanoiCommune));
            assertThat(decision.reason()).isEqualTo("commune_unknown");
        }
    }

    @Nested
    class TheService {

        @Test
        void decidesOnADraftWithoutLoadingAnything() {
            var rules = new RoutingRules(null, directory);
            var draft =
                    List.of(rule("roads", 1, categories("infrastructure.*"), RuleTarget.department("construction")));
            assertThat(rules.decide(floodedCrossroads(), draft).authorityId()).isEqualTo("so-xay-dung-40");
            assertThat(rules.decide(floodedCrossroads(), RuleSet.of(draft)).authorityId())
                    .isEqualTo("so-xay-dung-40");
        }

        @Test
        void refusesToDecideBeforeTheRulesAreLoaded() {
            var rules = new RoutingRules(null, directory);
            assertThatThrownBy(() -> rules.decide(floodedCrossroads())).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void refusesToCompileARuleWithoutATarget() {
            List<RoutingRule> rules = new ArrayList<>(seed());
            rules.add(rule("no-target", 1, match(), null));
            assertThatThrownBy(() -> RuleSet.of(rules)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
