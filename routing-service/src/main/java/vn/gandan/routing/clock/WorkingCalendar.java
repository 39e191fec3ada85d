package vn.gandan.routing.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working days of Vietnamese public bodies: Monday to Friday, less public holidays, compensatory days and
 * swapped days off, plus the weekend days worked in exchange, read from one data file per year. Immutable and
 * thread-safe.
 *
 * <p>A year without data is not treated as a year without holidays. It falls back to weekends and the fixed-date
 * holidays (1 January, 30 April, 1 May, 2 September, each taken on the next working day when it falls on a
 * weekend), and {@link #hasDataFor(int)} / {@link #isApproximate(LocalDate, LocalDate)} say so, so that a
 * deadline computed over it can be flagged. Tết and Hùng Kings' day move with the lunar calendar and are
 * deliberately not guessed: the fallback can only make a deadline earlier than the true one, except across a
 * swapped Saturday worked.
 */
public final class WorkingCalendar {

    /** Deadlines are dates in Viet Nam's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    static final String RESOURCE_PATTERN = "calendar-%d.yml";

    // Wide enough for any petition the system will hold; probing a missing resource costs next to nothing.
    private static final int FIRST_BUNDLED_YEAR = 2000;
    private static final int LAST_BUNDLED_YEAR = 2100;

    private static final List<MonthDay> FIXED_HOLIDAYS =
            List.of(MonthDay.of(1, 1), MonthDay.of(4, 30), MonthDay.of(5, 1), MonthDay.of(9, 2));

    private final Map<Integer, CalendarYear> years;
    private final Map<LocalDate, Boolean> exceptions;
    private final Map<Integer, Set<LocalDate>> fallbackDaysOff = new ConcurrentHashMap<>();

    private WorkingCalendar(Map<Integer, CalendarYear> years, Map<LocalDate, Boolean> exceptions) {
        this.years = years;
        this.exceptions = exceptions;
    }

    /**
     * @param years at most one entry per year; must not be null
     * @throws IllegalArgumentException if two years list the same year, or one lists as worked a day another
     *     gives off
     */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("two calendars for " + year.year());
            }
            year.weekdaysOff().forEach(day -> putException(exceptions, day, false));
            year.weekendDaysWorked().forEach(day -> putException(exceptions, day, true));
        }
        return new WorkingCalendar(Map.copyOf(byYear), Map.copyOf(exceptions));
    }

    /**
     * The calendars bundled with the service: every {@code calendar-YYYY.yml} next to this class.
     *
     * @throws IllegalStateException if a bundled file is invalid, or there is none
     */
    public static WorkingCalendar bundled() {
        List<CalendarYear> found = new java.util.ArrayList<>();
        for (int year = FIRST_BUNDLED_YEAR; year <= LAST_BUNDLED_YEAR; year++) {
            String resource = RESOURCE_PATTERN.formatted(year);
            CalendarYear calendar = CalendarYamlReader.readResource(resource);
            if (calendar != null) {
                if (calendar.year() != year) {
                    throw new IllegalStateException(resource + " says it is the calendar of " + calendar.year());
                }
                found.add(calendar);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no working calendar data bundled next to " + WorkingCalendar.class);
        }
        return of(found);
    }

    /** The local date of an instant in Viet Nam: the day a period is counted from. */
    public static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The first instant after {@code day} in Viet Nam: a deadline on that day is met by anything before it. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean hasDataFor(int year) {
        return years.containsKey(year);
    }

    /** Whether any day from {@code from} to {@code to} (inclusive) lies in a year without data. */
    public boolean isApproximate(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!hasDataFor(year)) {
                return true;
            }
        }
        return false;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        if (!CalendarYear.isWeekday(day)) {
            return false;
        }
        return hasDataFor(day.getYear()) || !fallbackDaysOff(day.getYear()).contains(day);
    }

    /**
     * The day a period of {@code days} working days ends when its event happened on {@code eventDay}: the event
     * day is not counted, and the period ends on its {@code days}-th working day after it.
     *
     * @param days not negative; 0 gives {@code eventDay}
     */
    public LocalDate plusWorkingDays(LocalDate eventDay, int days) {
        requireNotNegative(days);
        LocalDate day = eventDay;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The day a period of {@code days} calendar days ends when its event happened on {@code eventDay}: the event
     * day is not counted, and a last day that is a weekly rest day or a holiday gives way to the next working day
     * (Civil Code 2015 art. 148(5)).
     *
     * @param days not negative
     */
    public LocalDate endOfCalendarPeriod(LocalDate eventDay, int days) {
        requireNotNegative(days);
        return nextWorkingDayFrom(eventDay.plusDays(days));
    }

    /** {@code day} itself if it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate next = day;
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** How many working days lie after {@code after} up to and including {@code upTo}; 0 if none. */
    public int workingDaysBetween(LocalDate after, LocalDate upTo) {
        int count = 0;
        for (LocalDate day = after.plusDays(1); !day.isAfter(upTo); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private Set<LocalDate> fallbackDaysOff(int year) {
        return fallbackDaysOff.computeIfAbsent(year, WorkingCalendar::fixedHolidaysOff);
    }

    private static Set<LocalDate> fixedHolidaysOff(int year) {
        Set<LocalDate> holidays = new TreeSet<>();
        FIXED_HOLIDAYS.forEach(day -> holidays.add(day.atYear(year)));
        Set<LocalDate> off = new TreeSet<>(holidays);
        for (LocalDate holiday : holidays) {
            if (!CalendarYear.isWeekday(holiday)) {
                LocalDate compensation = holiday.plusDays(1);
                while (!CalendarYear.isWeekday(compensation) || off.contains(compensation)) {
                    compensation = compensation.plusDays(1);
                }
                off.add(compensation);
            }
        }
        return Set.copyOf(off);
    }

    private static void putException(Map<LocalDate, Boolean> exceptions, LocalDate day, boolean working) {
        Boolean previous = exceptions.put(day, working);
        if (previous != null && previous != working) {
            throw new IllegalArgumentException(day + " is both a day off and a day worked in the calendar data");
        }
    }

    private static void requireNotNegative(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + days);
        }
    }
}
