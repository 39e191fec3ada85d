package vn.gandan.routing.clock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.gandan.events.PetitionKind;

/**
 * Starts the legal clocks of a case: picks the policy in force on the day the petition was received (which the
 * case keeps however the law changes later) and counts on the working calendar. Thread-safe.
 */
public final class LegalClock {

    private final WorkingCalendar calendar;
    private final ClockPolicies policies;

    public LegalClock(WorkingCalendar calendar, ClockPolicies policies) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public ClockPolicies policies() {
        return policies;
    }

    /**
     * The policy a case received at {@code receivedAt} keeps for this step.
     *
     * @throws NoPolicyInForceException if none was in force on that local day
     */
    public ClockPolicy policyFor(PetitionKind kind, ClockStep step, Instant receivedAt) {
        return policies.inForce(kind, step, WorkingCalendar.localDate(receivedAt));
    }

    /**
     * Starts a step whose period runs from the receipt: the petition's {@code receivedAt}, never the moment a
     * portal synced it.
     *
     * @throws IllegalArgumentException if the step runs from acceptance instead
     * @throws NoPolicyInForceException if no policy was in force on the day of receipt
     */
    public LegalDeadline start(PetitionKind kind, ClockStep step, Instant receivedAt, Circumstances circumstances) {
        ClockPolicy policy = policyFor(kind, step, receivedAt);
        if (policy.startsOn() != ClockStart.RECEIPT) {
            throw new IllegalArgumentException(kind.code() + " " + step.code() + " runs from "
                    + policy.startsOn().code() + ": give the instant of it to start(kind, step, receivedAt, "
                    + "startedAt, circumstances)");
        }
        return new LegalDeadline(calendar, policy, circumstances, receivedAt, receivedAt, List.of(), List.of());
    }

    /**
     * Starts a step whose period runs from a later event, such as the acceptance of a complaint; the policy is
     * still the one in force when the petition was received.
     *
     * @param startedAt the event that starts the period; not before {@code receivedAt}, and equal to it for a
     *     step that runs from the receipt
     * @throws NoPolicyInForceException if no policy was in force on the day of receipt
     */
    public LegalDeadline start(
            PetitionKind kind, ClockStep step, Instant receivedAt, Instant startedAt, Circumstances circumstances) {
        ClockPolicy policy = policyFor(kind, step, receivedAt);
        if (startedAt.isBefore(receivedAt)) {
            throw new IllegalArgumentException("a period cannot start (" + startedAt + ") before the petition was "
                    + "received (" + receivedAt + ")");
        }
        if (policy.startsOn() == ClockStart.RECEIPT && !startedAt.equals(receivedAt)) {
            throw new IllegalArgumentException(
                    kind.code() + " " + step.code() + " runs from the receipt: it starts at receivedAt");
        }
        return new LegalDeadline(calendar, policy, circumstances, receivedAt, startedAt, List.of(), List.of());
    }

    /**
     * Starts a step again for a new authority that receives the case later (a transfer, an escalation, an operator
     * moving it out of triage into a body's hands): the period runs from {@code receivedAgainAt}, the policy is
     * still the one in force when the petition was first received.
     *
     * @throws NoPolicyInForceException if no policy was in force on the day of receipt
     */
    public LegalDeadline restart(
            PetitionKind kind,
            ClockStep step,
            Instant receivedAt,
            Instant receivedAgainAt,
            Circumstances circumstances) {
        ClockPolicy policy = policyFor(kind, step, receivedAt);
        Instant start = receivedAgainAt.isBefore(receivedAt) ? receivedAt : receivedAgainAt;
        return new LegalDeadline(calendar, policy, circumstances, receivedAt, start, List.of(), List.of());
    }

    /**
     * A deadline as stored with its case: the policy version it was computed with, and what was recorded since.
     *
     * @throws NoPolicyInForceException if {@code policyId} names no bundled policy (data removed since)
     */
    public LegalDeadline rebuild(
            String policyId,
            Circumstances circumstances,
            Instant receivedAt,
            Instant startedAt,
            List<Pause> pauses,
            List<Extension> extensions) {
        ClockPolicy policy = policies.byId(policyId).orElseThrow(() -> new NoPolicyInForceException(policyId));
        return new LegalDeadline(calendar, policy, circumstances, receivedAt, startedAt, pauses, extensions);
    }
}
