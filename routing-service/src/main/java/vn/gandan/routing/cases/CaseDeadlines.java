package vn.gandan.routing.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionDeadlineApproaching;
import vn.gandan.events.PetitionEscalated;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionOverdue;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.clock.WorkingCalendar;

/**
 * The alerts a case's deadline owes: approaching ({@code approachingLead} before it), overdue (when it passes) and,
 * for the kinds that policy escalates, escalation to the parent authority ({@code escalateAfter} later). Each fires
 * once per case and deadline: the case records the keys it fired, in the same write as the events.
 */
@Component
class CaseDeadlines {

    static final String APPROACHING = "approaching|";
    static final String OVERDUE = "overdue|";
    static final String ESCALATED = "escalated|";

    private final CaseClocks clocks;
    private final AuthorityDirectory directory;
    private final CasesProperties properties;
    private final Clock clock;

    CaseDeadlines(CaseClocks clocks, AuthorityDirectory directory, CasesProperties properties, Clock clock) {
        this.clocks = clocks;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Emits what is due on the case as of {@code now}, into its outbox.
     *
     * @return whether anything was emitted, i.e. whether the case must be saved
     */
    boolean fireDue(Case c, Instant now) {
        StepClock clock = running(c);
        if (clock == null) {
            return false;
        }
        String key = clock.key();
        PetitionId id = PetitionId.of(c.getPetitionId());
        if (now.isBefore(clock.dueBy())) {
            if (!now.isBefore(clock.dueBy().minus(properties.approachingLead())) && !c.hasAlerted(APPROACHING + key)) {
                c.alert(
                        APPROACHING + key,
                        now,
                        new PetitionDeadlineApproaching(UUID.randomUUID(), id, now, c.getAuthority(), clock.toEvent()));
                return true;
            }
            return false;
        }
        boolean changed = false;
        if (!c.hasAlerted(OVERDUE + key)) {
            c.alert(
                    OVERDUE + key,
                    now,
                    new PetitionOverdue(UUID.randomUUID(), id, now, c.getAuthority(), clock.toEvent()));
            changed = true;
        }
        Optional<Escalation> escalation = escalationOf(c, clock, now);
        if (escalation.isPresent() && !now.isBefore(escalation.get().at()) && !c.hasAlerted(ESCALATED + key)) {
            Authority parent = escalation.get().to();
            AuthorityRef from = c.getAuthority();
            StepClock parentsClock = clocks.escalated(c, now);
            String reason =
                    "Quá hạn ngày " + WorkingCalendar.localDate(clock.dueBy().minusSeconds(1)) + " mà " + from.name()
                            + " chưa xử lý; chuyển lên " + parent.name() + ".";
            c.escalate(
                    ESCALATED + key,
                    parent.ref(),
                    parentsClock,
                    now,
                    reason,
                    new PetitionEscalated(
                            UUID.randomUUID(), id, now, from, parent.ref(), parentsClock.toEvent(), reason));
            changed = true;
        }
        return changed;
    }

    /**
     * When the case next owes an alert, or null if it owes none (answered, archived, in triage, paused, or all
     * fired): then the writer stores no timer for it.
     */
    Instant nextAlertAt(Case c) {
        StepClock clock = running(c);
        if (clock == null) {
            return null;
        }
        String key = clock.key();
        Stream<Instant> approaching = c.hasAlerted(APPROACHING + key) || c.hasAlerted(OVERDUE + key)
                ? Stream.empty()
                : Stream.of(clock.dueBy().minus(properties.approachingLead()));
        Stream<Instant> overdue = c.hasAlerted(OVERDUE + key) ? Stream.empty() : Stream.of(clock.dueBy());
        Stream<Instant> escalated = c.hasAlerted(ESCALATED + key)
                ? Stream.empty()
                : escalationOf(c, clock, this.clock.instant()).map(Escalation::at).stream();
        return Stream.of(approaching, overdue, escalated)
                .flatMap(s -> s)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * The parent is looked up as of when the escalation fires, not as of the due day: a petition received late,
     * before the two-level reform, is overdue at once, and goes up to today's parent of today's body.
     */
    private Optional<Escalation> escalationOf(Case c, StepClock clock, Instant now) {
        Duration after = properties.escalateAfter().get(c.getKind());
        if (after == null) {
            return Optional.empty();
        }
        Instant at = clock.dueBy().plus(after);
        return parentOf(c, at.isAfter(now) ? at : now).map(parent -> new Escalation(at, parent));
    }

    /** When the case's deadline escalates, and to whom. */
    private record Escalation(Instant at, Authority to) {}

    private Optional<Authority> parentOf(Case c, Instant at) {
        var today = WorkingCalendar.localDate(at);
        return directory.find(c.getAuthority().id(), today).flatMap(a -> directory.parentOf(a, today));
    }

    private static StepClock running(Case c) {
        if (c.getStatus() == null || !c.getStatus().isOpen() || c.getClock() == null) {
            return null;
        }
        return c.getClock().dueBy() == null ? null : c.getClock();
    }
}
