package vn.gandan.routing.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.gandan.routing.clock.Complexity;
import vn.gandan.routing.clock.DayUnit;
import vn.gandan.routing.clock.Extension;
import vn.gandan.routing.clock.Pause;

/**
 * A case's running clock as people read it, as of a given instant.
 *
 * @param dueDate the last day of the period in Viet Nam, as of now (an open pause counts as if it ended now)
 * @param dueAt the last second of that day, as events carry it
 * @param remainingDays in {@code unit}, after today up to the due date; negative once overdue
 * @param approximate whether the count crossed a year without calendar data
 * @param basis the legal text of the policy
 */
public record ClockStatus(
        String step,
        String policyId,
        String basis,
        LocalDate dueDate,
        Instant dueAt,
        boolean paused,
        long remainingDays,
        DayUnit unit,
        boolean overdue,
        boolean approximate,
        Complexity complexity,
        boolean remoteArea,
        List<Pause> pauses,
        List<Extension> extensions) {}
