package vn.gandan.reporting.resolution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Period keys in Viet Nam time: {@code 2026-11-30} (day), {@code 2026-11} (month), {@code 2026-Q4} (quarter),
 * {@code 2026} (year).
 */
public final class Periods {

    public static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The granularities a report may ask for (plus range); buckets are kept for all but quarters. */
    public enum Granularity {
        DAY,
        MONTH,
        QUARTER,
        YEAR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String key(LocalDate date) {
            return switch (this) {
                case DAY -> date.toString();
                case MONTH -> YearMonth.from(date).toString();
                case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(date.getYear());
            };
        }

        /** The first day of the period containing the date. */
        public LocalDate start(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> date.withDayOfMonth(1);
                case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        /** The last day of the period containing the date. */
        public LocalDate end(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case MONTH -> YearMonth.from(date).atEndOfMonth();
                case QUARTER -> start(date).plusMonths(3).minusDays(1);
                case YEAR -> LocalDate.of(date.getYear(), 12, 31);
            };
        }
    }

    private Periods() {}

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(VIET_NAM).toLocalDate();
    }

    /**
     * The keys of the periods a bucket is kept for (day, month, year) that contain the date. A quarter is read as
     * its three months: a bucket of its own would add a quarter more writes to every event, for three reads saved.
     */
    public static List<String> keysOf(LocalDate date) {
        return List.of(Granularity.DAY.key(date), Granularity.MONTH.key(date), Granularity.YEAR.key(date));
    }

    /** Whether a bucket is kept for the period (a quarter is read as its months). */
    public static boolean isKept(Granularity granularity) {
        return granularity != Granularity.QUARTER;
    }

    /**
     * The fewest whole-year, whole-month and day periods that exactly cover {@code from..to} (both included):
     * what a range or a running total reads instead of one bucket per day.
     */
    public static List<String> cover(LocalDate from, LocalDate to) {
        return cover(from, to, true);
    }

    /**
     * The fewest whole-month and day periods that cover {@code from..to}: what an "as of" question reads, since
     * only day and month buckets keep their changes by day (a year's would hold a year of days).
     */
    public static List<String> coverByMonths(LocalDate from, LocalDate to) {
        return cover(from, to, false);
    }

    /** Whether a bucket of this period keeps its changes by day (day and month periods do). */
    public static boolean keepsChanges(String periodKey) {
        return periodKey.length() == 10 || (periodKey.length() == 7 && periodKey.charAt(5) != 'Q');
    }

    private static List<String> cover(LocalDate from, LocalDate to, boolean years) {
        List<String> keys = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (years && day.getDayOfYear() == 1 && !Granularity.YEAR.end(day).isAfter(to)) {
                keys.add(Granularity.YEAR.key(day));
                day = day.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !Granularity.MONTH.end(day).isAfter(to)) {
                keys.add(Granularity.MONTH.key(day));
                day = day.plusMonths(1);
            } else {
                keys.add(Granularity.DAY.key(day));
                day = day.plusDays(1);
            }
        }
        return keys;
    }
}
