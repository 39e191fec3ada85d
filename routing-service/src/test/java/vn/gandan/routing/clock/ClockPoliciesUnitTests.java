package vn.gandan.routing.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gandan.events.PetitionKind;

class ClockPoliciesUnitTests {

    static final ClockPolicies policies = ClockPolicies.bundled();

    @Test
    void everyStepOfEveryKindHasAPolicyInForceToday() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        for (PetitionKind kind : PetitionKind.values()) {
            for (ClockStep step : ClockStep.values()) {
                if (step.appliesTo(kind)) {
                    assertThat(policies.inForce(kind, step, day).basis())
                            .as(kind + " " + step)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void complaintAcceptanceHasTwoVersionsSplitOn1July2026() {
        ClockPolicy before = policies.inForce(PetitionKind.COMPLAINT, ClockStep.ACCEPTANCE, LocalDate.of(2026, 6, 30));
        ClockPolicy after = policies.inForce(PetitionKind.COMPLAINT, ClockStep.ACCEPTANCE, LocalDate.of(2026, 7, 1));

        assertThat(before.limit()).isEqualTo(10);
        assertThat(before.unit()).isEqualTo(DayUnit.WORKING_DAYS);
        assertThat(before.id()).isEqualTo("complaint.acceptance@2012-07-01");
        assertThat(after.limit()).isEqualTo(7);
        assertThat(after.id()).isEqualTo("complaint.acceptance@2026-07-01");
        assertThat(after.basis()).contains("155/2026");
    }

    @Test
    void theTableOfDomainMdIsEncoded() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        Circumstances complex = Circumstances.of(Complexity.COMPLEX);
        Circumstances remote = Circumstances.ORDINARY.inRemoteArea();
        Circumstances remoteComplex = complex.inRemoteArea();

        ClockPolicy first = policies.inForce(PetitionKind.COMPLAINT, ClockStep.FIRST_RESOLUTION, day);
        assertThat(List.of(
                        first.limitFor(Circumstances.ORDINARY),
                        first.limitFor(complex),
                        first.limitFor(remote),
                        first.limitFor(remoteComplex)))
                .containsExactly(30, 45, 45, 60);
        assertThat(first.unit()).isEqualTo(DayUnit.CALENDAR_DAYS);
        assertThat(first.startsOn()).isEqualTo(ClockStart.ACCEPTANCE);

        ClockPolicy second = policies.inForce(PetitionKind.COMPLAINT, ClockStep.SECOND_RESOLUTION, day);
        assertThat(List.of(
                        second.limitFor(Circumstances.ORDINARY),
                        second.limitFor(complex),
                        second.limitFor(remote),
                        second.limitFor(remoteComplex)))
                .containsExactly(45, 60, 60, 70);

        ClockPolicy triage = policies.inForce(PetitionKind.DENUNCIATION, ClockStep.ACCEPTANCE, day);
        assertThat(triage.limitFor(Circumstances.ORDINARY)).isEqualTo(7);
        assertThat(triage.limitFor(complex)).isEqualTo(10);
        assertThat(triage.unit()).isEqualTo(DayUnit.WORKING_DAYS);
        assertThat(policies.inForce(PetitionKind.DENUNCIATION, ClockStep.TRANSFER, day)
                        .limit())
                .isEqualTo(5);

        ClockPolicy resolution = policies.inForce(PetitionKind.DENUNCIATION, ClockStep.RESOLUTION, day);
        assertThat(resolution.limit()).isEqualTo(30);
        assertThat(resolution.extensionFor(Complexity.ORDINARY)).isEmpty();
        assertThat(resolution.extensionFor(Complexity.COMPLEX))
                .contains(new ClockPolicy.ExtensionRule(Complexity.COMPLEX, 1, 30));
        assertThat(resolution.extensionFor(Complexity.ESPECIALLY_COMPLEX))
                .contains(new ClockPolicy.ExtensionRule(Complexity.ESPECIALLY_COMPLEX, 2, 30));

        ClockPolicy reply = policies.inForce(PetitionKind.RECOMMENDATION, ClockStep.REPLY, day);
        assertThat(reply.limit()).isEqualTo(10);
        assertThat(reply.unit()).isEqualTo(DayUnit.WORKING_DAYS);
        assertThat(policies.inForce(PetitionKind.RECOMMENDATION, ClockStep.FORWARD, day)
                        .limit())
                .isEqualTo(5);
    }

    @Test
    void aDayBeforeTheLawHasNoPolicy() {
        assertThatThrownBy(() ->
                        policies.inForce(PetitionKind.DENUNCIATION, ClockStep.RESOLUTION, LocalDate.of(2018, 12, 31)))
                .isInstanceOf(NoPolicyInForceException.class)
                .hasMessage("no denunciation resolution time limit in force on 2018-12-31");
    }

    @Test
    void aMisspeltFieldInThePolicyFileStopsTheLoad() {
        String json = """
                {"source": "test", "policies": [{"kind": "complaint", "step": "acceptance", "startsOn": "receipt",
                  "limit": 10, "complexLimt": 12, "unit": "working_days", "basis": "x", "effectiveFrom": "2012-07-01"}]}
                """;

        assertThatThrownBy(() -> ClockPolicies.read(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid clock policies test.json")
                .hasMessageContaining("complexLimt");
    }

    @Test
    void aMissingEffectiveDateStopsTheLoad() {
        String json = """
                {"source": "test", "policies": [{"kind": "complaint", "step": "acceptance", "startsOn": "receipt",
                  "limit": 10, "unit": "working_days", "basis": "x"}]}
                """;

        assertThatThrownBy(() -> ClockPolicies.read(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("effectiveFrom is required");
    }

    @Test
    void overlappingVersionsAreRefused() {
        ClockPolicy old = policy(LocalDate.of(2012, 7, 1), LocalDate.of(2026, 7, 1));
        ClockPolicy current = policy(LocalDate.of(2026, 7, 1), null);

        assertThatThrownBy(() -> ClockPolicies.of(List.of(old, current)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in force at the same time");
    }

    @Test
    void aStepOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> new ClockPolicy(
                        PetitionKind.RECOMMENDATION,
                        ClockStep.RESOLUTION,
                        ClockStart.RECEIPT,
                        30,
                        DayUnit.CALENDAR_DAYS,
                        null,
                        null,
                        null,
                        List.of(),
                        "x",
                        null,
                        LocalDate.of(2020, 1, 1),
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recommendation has no step resolution");
    }

    static ClockPolicy policy(LocalDate from, LocalDate to) {
        return new ClockPolicy(
                PetitionKind.COMPLAINT,
                ClockStep.ACCEPTANCE,
                ClockStart.RECEIPT,
                10,
                DayUnit.WORKING_DAYS,
                null,
                null,
                null,
                List.of(),
                "x",
                null,
                from,
                to);
    }
}
