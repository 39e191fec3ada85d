package vn.gandan.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionClosed;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.clock.ClockPolicies;
import vn.gandan.routing.clock.LegalClock;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.routing.rules.TestAuthorities;

/** The state machine of a case and the alerts its deadline owes, without servers. */
class CaseUnitTests {

    static final Instant RECEIVED = Instant.parse("2026-09-07T02:00:00Z"); // Monday 7 September, 09:00
    static final AuthorityRef COMMUNE = new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605");

    final CasesProperties properties = new CasesProperties(
            Set.of(),
            Duration.ofDays(2),
            Map.of(PetitionKind.RECOMMENDATION, Duration.ZERO),
            Duration.ofSeconds(10),
            200,
            Duration.ofSeconds(60));
    final CaseClocks clocks =
            new CaseClocks(new LegalClock(WorkingCalendar.bundled(), ClockPolicies.bundled()), properties);
    final CaseDeadlines deadlines = deadlinesAsOf(RECEIVED);

    CaseDeadlines deadlinesAsOf(Instant now) {
        return new CaseDeadlines(clocks, TestAuthorities.official(), properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    Case routed(PetitionKind kind) {
        return routed(kind, RECEIVED);
    }

    Case routed(PetitionKind kind, Instant received) {
        Case c = new Case(
                UUID.randomUUID().toString(),
                "40-T",
                "40",
                "17605",
                kind,
                "infrastructure.drainage",
                Map.of(),
                received);
        StepClock first = clocks.first(c, received);
        c.route(COMMUNE, null, first, received, Case.SYSTEM, event(c));
        return c;
    }

    static PetitionEvent event(Case c) {
        return new PetitionClosed(UUID.randomUUID(), PetitionId.of(c.getPetitionId()), Instant.now(), COMMUNE);
    }

    @Test
    void aComplaintMustBeAcceptedBeforeItIsAnsweredARecommendationNeedNot() {
        Case complaint = routed(PetitionKind.COMPLAINT);
        assertThatThrownBy(() -> complaint.resolve(RECEIVED, "responder", event(complaint)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("a routed case cannot be resolved");
        complaint.acknowledge(clocks.accepted(complaint, RECEIVED), RECEIVED, "responder", event(complaint));
        assertThat(complaint.getClock().step().code()).isEqualTo("first_resolution");
        complaint.resolve(RECEIVED, "responder", event(complaint));
        assertThat(complaint.getStatus()).isEqualTo(CaseState.RESOLVED);
        assertThat(complaint.getClock()).isNull();

        Case recommendation = routed(PetitionKind.RECOMMENDATION);
        recommendation.resolve(RECEIVED, "responder", event(recommendation));
        assertThat(recommendation.getStatus()).isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void anAnsweredCaseOnlyClosesOrReopens() {
        Case c = routed(PetitionKind.RECOMMENDATION);
        c.reject(RECEIVED, "responder", "duplicate", event(c));
        for (var action : List.<Runnable>of(
                () -> c.acknowledge(c.getClock(), RECEIVED, "r", event(c)),
                () -> c.resolve(RECEIVED, "r", event(c)),
                () -> c.reject(RECEIVED, "r", "duplicate", event(c)),
                () -> c.transfer(COMMUNE, null, RECEIVED, "r", "x", event(c)))) {
            assertThatThrownBy(action::run).isInstanceOf(IllegalTransitionException.class);
        }
        c.close(RECEIVED, "operator", event(c));
        assertThatThrownBy(() -> c.close(RECEIVED, "operator", event(c)))
                .isInstanceOf(IllegalTransitionException.class);
        c.reopen(COMMUNE, 1, clocks.received(c, RECEIVED), RECEIVED, "operator", "again", event(c));
        assertThat(c.getStatus()).isEqualTo(CaseState.ROUTED);
        assertThat(c.getHistory())
                .extracting(CaseHistory::action)
                .containsExactly("routed", "rejected", "closed", "reopened");
    }

    Case archived(AuthorityRef at) {
        Case c = new Case(
                UUID.randomUUID().toString(),
                "40-H",
                "40",
                "17605",
                PetitionKind.COMPLAINT,
                "land.dispute",
                Map.of(),
                RECEIVED.minus(Duration.ofDays(3 * 365)));
        var why = new Case.Decision(
                at == null ? null : at.id(),
                "r",
                1,
                Map.of(),
                "u",
                "d",
                at == null ? "commune_unknown" : null,
                null,
                List.of());
        c.archive(at, why, RECEIVED, event(c));
        return c;
    }

    /** ADR 0017: a historical petition is on the record only, final from the start, owing nothing. */
    @Test
    void anArchivedCaseIsFinalOwesNoAlertAndTakesNoAction() {
        Case c = archived(COMMUNE);
        assertThat(c.getStatus()).isEqualTo(CaseState.ARCHIVED);
        assertThat(c.getStatus().isOpen()).isFalse();
        assertThat(c.getStatus().isAnswered()).isFalse();
        assertThat(c.getAuthority()).isEqualTo(COMMUNE);
        assertThat(c.getClock()).isNull();
        assertThat(c.getHistory())
                .singleElement()
                .satisfies(h -> assertThat(h.action()).isEqualTo("archived"))
                .satisfies(h -> assertThat(h.authorityId()).isEqualTo("ubnd-17605"));
        assertThat(deadlines.nextAlertAt(c)).isNull();
        assertThat(deadlines.fireDue(c, RECEIVED.plus(Duration.ofDays(400)))).isFalse();

        StepClock someClock = routed(PetitionKind.COMPLAINT).getClock();
        for (var action : List.<Runnable>of(
                () -> c.requireActionable("acknowledged"),
                () -> c.acknowledge(someClock, RECEIVED, "r", event(c)),
                () -> c.transfer(COMMUNE, someClock, RECEIVED, "r", "x", event(c)),
                () -> c.changeClock(someClock, RECEIVED, "r", "paused", "x", event(c)),
                () -> c.resolve(RECEIVED, "r", event(c)),
                () -> c.reject(RECEIVED, "r", "duplicate", event(c)),
                () -> c.close(RECEIVED, "r", event(c)),
                () -> c.reopen(COMMUNE, 2, someClock, RECEIVED, "o", "again", event(c)),
                () -> c.route(COMMUNE, null, someClock, RECEIVED, "o", event(c)),
                () -> c.escalate("k", COMMUNE, someClock, RECEIVED, "late", event(c)),
                () -> c.archive(COMMUNE, c.getDecision(), RECEIVED, event(c)))) {
            assertThatThrownBy(action::run)
                    .isInstanceOf(IllegalTransitionException.class)
                    .satisfies(e ->
                            assertThat(((IllegalTransitionException) e).state()).isEqualTo(CaseState.ARCHIVED));
        }
        assertThat(c.getHistory()).hasSize(1);
        assertThat(c.getStatus()).isEqualTo(CaseState.ARCHIVED);
    }

    @Test
    void anUnplacedHistoricalPetitionIsArchivedWithoutAnAuthorityNotTriaged() {
        Case c = archived(null);
        assertThat(c.getStatus()).isEqualTo(CaseState.ARCHIVED);
        assertThat(c.getAuthority()).isNull();
        assertThat(c.getHistory().get(0).reason()).isEqualTo("commune_unknown");
        assertThat(deadlines.nextAlertAt(c)).isNull();
        // Archiving is a case's first and only record: a live case is never archived afterwards.
        Case live = routed(PetitionKind.RECOMMENDATION);
        assertThatThrownBy(() -> live.archive(null, c.getDecision(), RECEIVED, event(live)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(live.getClock()).isNotNull();
        live.requireActionable("acknowledged"); // a live case is not refused up front
    }

    @Test
    void aDeadlineOwesApproachingThenOverdueThenEscalationEachOnce() {
        Case c = routed(PetitionKind.RECOMMENDATION);
        Instant dueBy = c.getClock().dueBy();
        // 10 working days from Monday 7 September 2026: Monday 21 September, ending at 00:00 on the 22nd.
        assertThat(dueBy).isEqualTo(Instant.parse("2026-09-21T17:00:00Z"));
        assertThat(deadlines.nextAlertAt(c)).isEqualTo(dueBy.minus(Duration.ofDays(2)));
        assertThat(deadlines.fireDue(c, dueBy.minus(Duration.ofDays(3)))).isFalse();

        assertThat(deadlines.fireDue(c, dueBy.minus(Duration.ofDays(1)))).isTrue();
        assertThat(deadlines.fireDue(c, dueBy.minus(Duration.ofHours(1)))).isFalse();
        assertThat(deadlines.nextAlertAt(c)).isEqualTo(dueBy);

        assertThat(deadlines.fireDue(c, dueBy)).isTrue();
        assertThat(c.getAuthority().id()).isEqualTo("ubnd-40");
        assertThat(c.getAlerts()).hasSize(3);
        // The province's committee has a new deadline of its own, with alerts of their own; it has no parent.
        assertThat(deadlines.nextAlertAt(c)).isEqualTo(c.getClock().dueBy().minus(Duration.ofDays(2)));
        assertThat(deadlines.fireDue(c, dueBy.plusSeconds(1))).isFalse();
    }

    /**
     * A live petition received late, before the two-level reform (a hamlet meeting's record typed in today): its due
     * day passed when today's commune had no parent in the directory, yet it escalates now, to today's parent.
     */
    @Test
    void aLatePetitionFromBeforeTheReformEscalatesToTodaysParent() {
        Instant today = Instant.parse("2026-12-02T03:00:00Z");
        Case c = routed(PetitionKind.RECOMMENDATION, Instant.parse("2025-03-03T02:00:00Z"));
        Instant dueBy = c.getClock().dueBy();
        String key = c.getClock().key();
        assertThat(dueBy).isBefore(Instant.parse("2025-07-01T00:00:00Z"));
        CaseDeadlines now = deadlinesAsOf(today);
        assertThat(now.nextAlertAt(c)).isEqualTo(dueBy.minus(Duration.ofDays(2)));

        assertThat(now.fireDue(c, today)).isTrue();
        assertThat(c.getAlerts()).containsExactlyInAnyOrder(CaseDeadlines.OVERDUE + key, CaseDeadlines.ESCALATED + key);
        assertThat(c.getAuthority().id()).isEqualTo("ubnd-40");
        assertThat(c.getClock().dueBy()).isAfter(today);
    }

    @Test
    void aPausedOrAnsweredCaseOwesNoAlert() {
        Case c = routed(PetitionKind.RECOMMENDATION);
        Instant at = RECEIVED.plusSeconds(60);
        var paused = clocks.stored(clocks.legal(c).pause(at, "waiting_for_citizen"), at);
        c.changeClock(paused, RECEIVED, "responder", "paused", "waiting_for_citizen", event(c));
        assertThat(deadlines.nextAlertAt(c)).isNull();
        assertThat(deadlines.fireDue(c, RECEIVED.plus(Duration.ofDays(60)))).isFalse();

        Case answered = routed(PetitionKind.RECOMMENDATION);
        answered.resolve(RECEIVED, "responder", event(answered));
        assertThat(deadlines.nextAlertAt(answered)).isNull();
    }
}
