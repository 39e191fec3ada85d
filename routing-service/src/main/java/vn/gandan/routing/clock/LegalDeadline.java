package vn.gandan.routing.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step's legal deadline for one case: the policy in force when the petition was received, the event that
 * started the period, and the pauses and extensions recorded since. Immutable: {@link #pause}, {@link #resume}
 * and {@link #extend} return a new deadline. To rebuild one from stored history, start it again and replay them.
 *
 * <p>Counting (Civil Code 2015 arts. 147–148): the day of the starting event is not counted. A period in working
 * days ends on its last working day; one in calendar days ends on its last day, or on the next working day when
 * that is a weekly rest day or a holiday. The period ends at the end of that day in Viet Nam: {@link #dueBy}
 * is the first instant of the next day, exclusive.
 *
 * <p>Pauses: a pause stopped on day A and resumed on day B takes the days after A up to and including B out of
 * the count, in the period's own unit: working days for a period in working days, every day for one in calendar
 * days. Day A still counts (the clock ran on it), and day B does not, just as the starting day does not. A pause
 * and resumption on the same day therefore move nothing. A pause that is still open counts as if it ended at the
 * instant asked about.
 *
 * <p>Queries take the instant they are asked at and see only what was recorded by then.
 */
public final class LegalDeadline {

    private final WorkingCalendar calendar;
    private final ClockPolicy policy;
    private final Circumstances circumstances;
    private final Instant receivedAt;
    private final Instant startedAt;
    private final List<Pause> pauses;
    private final List<Extension> extensions;

    LegalDeadline(
            WorkingCalendar calendar,
            ClockPolicy policy,
            Circumstances circumstances,
            Instant receivedAt,
            Instant startedAt,
            List<Pause> pauses,
            List<Extension> extensions) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.circumstances = Objects.requireNonNull(circumstances, "circumstances");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.pauses = List.copyOf(pauses);
        this.extensions = List.copyOf(extensions);
    }

    public ClockPolicy policy() {
        return policy;
    }

    public Circumstances circumstances() {
        return circumstances;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The event that started this step's period: the receipt, or the acceptance. */
    public Instant startedAt() {
        return startedAt;
    }

    public List<Pause> pauses() {
        return pauses;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    public DayUnit unit() {
        return policy.unit();
    }

    /** The limit for this case's circumstances, before extensions and pauses. */
    public int limit() {
        return policy.limitFor(circumstances);
    }

    /** The local day of the starting event: not counted. */
    public LocalDate startDate() {
        return WorkingCalendar.localDate(startedAt);
    }

    /**
     * The due date with everything recorded.
     *
     * @throws IllegalStateException while a pause is open: the date depends on when it ends; ask {@link
     *     #dueDate(Instant)}
     */
    public LocalDate dueDate() {
        if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen()) {
            throw new IllegalStateException(
                    "paused since " + pauses.get(pauses.size() - 1).from()
                            + ": the due date depends on the resumption; ask dueDate(now)");
        }
        return due(null);
    }

    /** The due date as of {@code now}; an open pause counts as if it ended now. */
    public LocalDate dueDate(Instant now) {
        return due(Objects.requireNonNull(now, "now"));
    }

    /** The end of the period as of {@code now}: the first instant after the due date, exclusive. */
    public Instant dueBy(Instant now) {
        return WorkingCalendar.endOf(dueDate(now));
    }

    public boolean isPaused(Instant now) {
        return pauses.stream()
                .anyMatch(pause -> !pause.from().isAfter(now)
                        && (pause.to() == null || pause.to().isAfter(now)));
    }

    /** Whether the period has run out by {@code now}; a paused clock cannot run out. */
    public boolean isOverdue(Instant now) {
        return !isPaused(now) && !now.isBefore(dueBy(now));
    }

    public Remaining remaining(Instant now) {
        LocalDate due = dueDate(now);
        LocalDate today = WorkingCalendar.localDate(now);
        long days = today.isAfter(due) ? -daysBetween(due, today) : daysBetween(today, due);
        return new Remaining(days, unit(), isOverdue(now));
    }

    /**
     * Whether the computation as of {@code now} crossed a year without calendar data, so that only weekends and
     * fixed-date holidays were skipped there.
     */
    public boolean isApproximate(Instant now) {
        return calendar.isApproximate(startDate(), dueDate(now));
    }

    /**
     * @param from when the clock stops; not before the start, not inside an earlier pause
     * @param reason why, e.g. {@link Pause#WAITING_FOR_CITIZEN}
     * @throws IllegalStateException if the clock is already paused or has already run out
     */
    public LegalDeadline pause(Instant from, String reason) {
        Objects.requireNonNull(from, "from");
        if (!pauses.isEmpty()) {
            Pause last = pauses.get(pauses.size() - 1);
            if (last.isOpen()) {
                throw new IllegalStateException("already paused since " + last.from());
            }
            if (from.isBefore(last.to())) {
                throw new IllegalArgumentException(
                        "a pause from " + from + " overlaps the one that ended " + last.to());
            }
        }
        if (from.isBefore(startedAt)) {
            throw new IllegalArgumentException("a pause from " + from + " precedes the start " + startedAt);
        }
        if (!from.isBefore(dueBy(from))) {
            throw new IllegalStateException(describe() + " ran out at the end of " + dueDate(from)
                    + ": a period that has run out cannot be paused");
        }
        List<Pause> more = new ArrayList<>(pauses);
        more.add(new Pause(from, null, reason));
        return with(circumstances, more, extensions);
    }

    /** @throws IllegalStateException if the clock is not paused */
    public LegalDeadline resume(Instant at) {
        Objects.requireNonNull(at, "at");
        if (pauses.isEmpty() || !pauses.get(pauses.size() - 1).isOpen()) {
            throw new IllegalStateException("the clock is not paused");
        }
        List<Pause> more = new ArrayList<>(pauses);
        more.set(more.size() - 1, more.get(more.size() - 1).endedAt(at));
        return with(circumstances, more, extensions);
    }

    /**
     * Adds an extension, only as the policy allows for this case's complexity.
     *
     * @param days in the period's unit
     * @throws ExtensionRefusedException if the law allows no extension here, no further one, not that long, or
     *     the period has already run out
     */
    public LegalDeadline extend(Instant grantedAt, int days, String reason) {
        Extension extension = new Extension(grantedAt, days, reason);
        if (grantedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException(
                    "an extension granted " + grantedAt + " precedes the start " + startedAt);
        }
        List<Extension> more = new ArrayList<>(extensions);
        more.add(extension);
        checkAllowed(circumstances, more);
        if (!grantedAt.isBefore(dueBy(grantedAt))) {
            throw new ExtensionRefusedException(describe() + " ran out at the end of " + dueDate(grantedAt)
                    + ": a period that has run out cannot be extended");
        }
        return with(circumstances, pauses, more);
    }

    /**
     * The same deadline for a case whose complexity or area was found to be different.
     *
     * @throws ExtensionRefusedException if the extensions already granted are more than the law allows then
     */
    public LegalDeadline reclassify(Circumstances newCircumstances) {
        checkAllowed(newCircumstances, extensions);
        return with(newCircumstances, pauses, extensions);
    }

    private LegalDeadline with(Circumstances newCircumstances, List<Pause> newPauses, List<Extension> newExtensions) {
        return new LegalDeadline(calendar, policy, newCircumstances, receivedAt, startedAt, newPauses, newExtensions);
    }

    private void checkAllowed(Circumstances newCircumstances, List<Extension> granted) {
        if (granted.isEmpty()) {
            return;
        }
        Complexity complexity = newCircumstances.complexity();
        if (policy.extensions().isEmpty()) {
            throw new ExtensionRefusedException(
                    "the law allows no extension of " + describe() + " (" + policy.basis() + ")");
        }
        ClockPolicy.ExtensionRule rule = policy.extensionFor(complexity)
                .orElseThrow(() -> new ExtensionRefusedException(describe() + " may be extended only for a "
                        + policy.extensions().stream()
                                .map(allowed -> allowed.when().code())
                                .toList()
                        + " case (" + policy.basis() + "); this case is " + complexity.code()));
        if (granted.size() > rule.times()) {
            throw new ExtensionRefusedException(
                    describe() + " of a " + complexity.code() + " case may be extended at most "
                            + rule.times() + " time(s), each by up to " + rule.days() + " " + unitName() + " ("
                            + policy.basis() + "); extension " + granted.size() + " is beyond the law");
        }
        for (Extension extension : granted) {
            if (extension.days() > rule.days()) {
                throw new ExtensionRefusedException(describe() + " may be extended by at most " + rule.days() + " "
                        + unitName() + " at a time (" + policy.basis() + "); " + extension.days() + " asked");
            }
        }
    }

    private LocalDate due(Instant asOf) {
        int days = limit() + extensionDays(asOf) + pausedDays(asOf);
        return switch (unit()) {
            case WORKING_DAYS -> calendar.plusWorkingDays(startDate(), days);
            case CALENDAR_DAYS -> calendar.endOfCalendarPeriod(startDate(), days);
        };
    }

    private int extensionDays(Instant asOf) {
        return extensions.stream()
                .filter(extension -> asOf == null || !extension.grantedAt().isAfter(asOf))
                .mapToInt(Extension::days)
                .sum();
    }

    private int pausedDays(Instant asOf) {
        int days = 0;
        for (Pause pause : pauses) {
            if (asOf != null && pause.from().isAfter(asOf)) {
                continue;
            }
            Instant end = pause.to() == null || (asOf != null && pause.to().isAfter(asOf)) ? asOf : pause.to();
            days += Math.toIntExact(
                    daysBetween(WorkingCalendar.localDate(pause.from()), WorkingCalendar.localDate(end)));
        }
        return days;
    }

    /** The days of this period's unit after {@code after} up to and including {@code upTo}. */
    private long daysBetween(LocalDate after, LocalDate upTo) {
        if (!upTo.isAfter(after)) {
            return 0;
        }
        return switch (unit()) {
            case WORKING_DAYS -> calendar.workingDaysBetween(after, upTo);
            case CALENDAR_DAYS -> ChronoUnit.DAYS.between(after, upTo);
        };
    }

    private String describe() {
        return policy.kind().code() + " " + policy.step().code();
    }

    private String unitName() {
        return unit() == DayUnit.WORKING_DAYS ? "working days" : "calendar days";
    }

    @Override
    public String toString() {
        return "LegalDeadline[" + policy.id() + ", " + circumstances + ", started " + startedAt + ", " + pauses.size()
                + " pause(s), " + extensions.size() + " extension(s)]";
    }
}
