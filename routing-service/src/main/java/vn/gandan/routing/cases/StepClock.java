package vn.gandan.routing.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.gandan.routing.clock.ClockStep;
import vn.gandan.routing.clock.Complexity;
import vn.gandan.routing.clock.Extension;
import vn.gandan.routing.clock.Pause;

/**
 * The running legal clock of a case as stored: enough to rebuild its {@code LegalDeadline} with the same policy
 * version, plus the deadline it gave at the last change, for queues and the scheduler.
 *
 * @param policyId the policy version, kept for the case's whole life
 * @param startedAt the event that started the period: receipt, acceptance, or the receipt by a new authority
 * @param dueBy the end of the period as of the last change (exclusive: the first instant after the due day);
 *     null while the clock is paused
 */
public record StepClock(
        ClockStep step,
        String policyId,
        Complexity complexity,
        boolean remoteArea,
        Instant startedAt,
        List<Pause> pauses,
        List<Extension> extensions,
        Instant dueBy) {

    public StepClock {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(startedAt, "startedAt");
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /** How events name this deadline: the due day's last second, as the contract has it. */
    public vn.gandan.events.Deadline toEvent() {
        if (dueBy == null) {
            throw new IllegalStateException("a paused clock has no deadline to publish");
        }
        return new vn.gandan.events.Deadline(step.code(), dueBy.minusSeconds(1), policyId);
    }

    /** A stable name of this deadline, so each alert about it fires once: a new deadline gets new alerts. */
    public String key() {
        return step.code() + "@" + dueBy;
    }
}
