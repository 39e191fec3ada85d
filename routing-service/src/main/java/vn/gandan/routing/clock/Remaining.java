package vn.gandan.routing.clock;

/**
 * What is left of a period on a given day, in the period's own unit.
 *
 * @param days the days of {@code unit} after today up to and including the due date; 0 on the due date itself;
 *     negative, the days of {@code unit} since the due date, once overdue (0 on a weekend right after a due Friday
 *     for a working-day period, hence {@code overdue})
 * @param overdue whether the period has run out
 */
public record Remaining(long days, DayUnit unit, boolean overdue) {}
