package vn.gandan.routing.cases;

import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.clock.Circumstances;
import vn.gandan.routing.clock.ClockStep;
import vn.gandan.routing.clock.Complexity;
import vn.gandan.routing.clock.LegalClock;
import vn.gandan.routing.clock.LegalDeadline;

/**
 * Which legal clock a case runs at each point of its life, and the bridge between the stored {@link StepClock}
 * and the clock package's {@link LegalDeadline}. The policy is always the one in force on the day of receipt.
 */
@Component
public class CaseClocks {

    private final LegalClock legal;
    private final Set<String> remoteCommunes;

    CaseClocks(LegalClock legal, CasesProperties properties) {
        this.legal = legal;
        this.remoteCommunes = properties.remoteCommunes();
    }

    /** The step an authority that has just received the case must meet first. */
    static ClockStep firstStep(PetitionKind kind) {
        return kind == PetitionKind.RECOMMENDATION ? ClockStep.REPLY : ClockStep.ACCEPTANCE;
    }

    /** The step that runs once the authority accepted the case; a recommendation keeps its reply clock. */
    static ClockStep afterAcceptance(PetitionKind kind, int level) {
        return switch (kind) {
            case COMPLAINT -> level > 1 ? ClockStep.SECOND_RESOLUTION : ClockStep.FIRST_RESOLUTION;
            case DENUNCIATION -> ClockStep.RESOLUTION;
            case RECOMMENDATION -> ClockStep.REPLY;
        };
    }

    /** The first clock of a routed case: it runs from the citizen's receipt, not from when routing heard of it. */
    StepClock first(Case c, Instant now) {
        LegalDeadline deadline = legal.start(
                c.getKind(), firstStep(c.getKind()), c.getReceivedAt(), circumstances(c, Complexity.ORDINARY));
        return stored(deadline, now);
    }

    /**
     * The first step again, for an authority that receives the case at {@code at}: a transfer, or a reopened case.
     */
    StepClock received(Case c, Instant at) {
        LegalDeadline deadline = legal.restart(
                c.getKind(), firstStep(c.getKind()), c.getReceivedAt(), at, circumstances(c, complexity(c)));
        return stored(deadline, at);
    }

    /** The same step afresh for the parent authority a case was escalated to. */
    StepClock escalated(Case c, Instant at) {
        StepClock current = c.getClock();
        LegalDeadline deadline = legal.restart(
                c.getKind(), current.step(), c.getReceivedAt(), at, circumstances(c, current.complexity()));
        return stored(deadline, at);
    }

    /** The clock once the authority accepted the case at {@code at}. */
    StepClock accepted(Case c, Instant at) {
        ClockStep next = afterAcceptance(c.getKind(), c.getLevel());
        if (c.getClock() != null && c.getClock().step() == next) {
            return c.getClock();
        }
        LegalDeadline deadline = legal.start(c.getKind(), next, c.getReceivedAt(), at, circumstances(c, complexity(c)));
        return stored(deadline, at);
    }

    /** The running clock as the clock package computes it. */
    LegalDeadline legal(Case c) {
        StepClock clock = c.getClock();
        return legal.rebuild(
                clock.policyId(),
                new Circumstances(clock.complexity(), clock.remoteArea()),
                c.getReceivedAt(),
                clock.startedAt(),
                clock.pauses(),
                clock.extensions());
    }

    /** The running clock of the case as of {@code now}, for people; null when none runs. */
    public ClockStatus status(Case c, Instant now) {
        if (c.getClock() == null) {
            return null;
        }
        LegalDeadline deadline = legal(c);
        var remaining = deadline.remaining(now);
        return new ClockStatus(
                c.getClock().step().code(),
                deadline.policy().id(),
                deadline.policy().basis(),
                deadline.dueDate(now),
                deadline.dueBy(now).minusSeconds(1),
                deadline.isPaused(now),
                remaining.days(),
                remaining.unit(),
                remaining.overdue(),
                deadline.isApproximate(now),
                deadline.circumstances().complexity(),
                deadline.circumstances().remoteArea(),
                deadline.pauses(),
                deadline.extensions());
    }

    /** What to store of a deadline as of {@code now}: a paused clock has no end yet. */
    StepClock stored(LegalDeadline deadline, Instant now) {
        boolean paused = deadline.isPaused(now);
        return new StepClock(
                deadline.policy().step(),
                deadline.policy().id(),
                deadline.circumstances().complexity(),
                deadline.circumstances().remoteArea(),
                deadline.startedAt(),
                deadline.pauses(),
                deadline.extensions(),
                paused ? null : deadline.dueBy(now));
    }

    private Circumstances circumstances(Case c, Complexity complexity) {
        return new Circumstances(complexity, c.getCommuneCode() != null && remoteCommunes.contains(c.getCommuneCode()));
    }

    private static Complexity complexity(Case c) {
        return c.getClock() == null ? Complexity.ORDINARY : c.getClock().complexity();
    }
}
