package vn.gandan.routing.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One year of the working calendar of public bodies, as published: the holidays, the days off given for holidays
 * that fall on a weekly rest day, and the government's swapped days. Validated on construction, so a data file
 * with a holiday on the wrong year, a compensation for a weekday or a swapped day off on a Sunday does not load.
 *
 * @param year the calendar year every holiday, compensatory day, swapped day off and pending day lies in
 * @param source where the entries come from and which are confirmed; must not be blank
 * @param holidays Labour Code art. 112 holidays, including those on a weekend
 * @param compensatory days off on the next working day for a holiday on a weekly rest day (art. 111(3))
 * @param swaps a working day given off in exchange for a weekend day worked
 * @param pending days announced but not (yet) law; listed for the record and never applied
 */
public record CalendarYear(
        int year,
        String source,
        List<NamedDay> holidays,
        List<CompensatoryDay> compensatory,
        List<SwappedDay> swaps,
        List<PendingDay> pending) {

    /** A name in Vietnamese and English. */
    public record Name(String vi, String en) {
        public Name {
            requireText(vi, "name.vi");
            requireText(en, "name.en");
        }
    }

    /** A public holiday. */
    public record NamedDay(LocalDate date, Name name, String basis, boolean confirmed) {
        public NamedDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
            requireText(basis, "basis");
        }
    }

    /** A day off on {@code date} for the holiday {@code forHoliday}, which fell on a weekly rest day. */
    public record CompensatoryDay(LocalDate date, LocalDate forHoliday, Name name, String basis, boolean confirmed) {
        public CompensatoryDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(forHoliday, "for");
            Objects.requireNonNull(name, "name");
            requireText(basis, "basis");
        }
    }

    /** The working day {@code dayOff} given off, and the weekend day {@code workedOn} worked in exchange. */
    public record SwappedDay(LocalDate dayOff, LocalDate workedOn, Name name, String basis, boolean confirmed) {
        public SwappedDay {
            Objects.requireNonNull(dayOff, "dayOff");
            Objects.requireNonNull(workedOn, "workedOn");
            Objects.requireNonNull(name, "name");
            requireText(basis, "basis");
        }
    }

    /** A day off decided in principle but not law yet: recorded, not applied. */
    public record PendingDay(LocalDate date, Name name, String basis, String note) {
        public PendingDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
            requireText(basis, "basis");
        }
    }

    public CalendarYear {
        requireText(source, "source");
        holidays = List.copyOf(holidays);
        compensatory = List.copyOf(compensatory);
        swaps = List.copyOf(swaps);
        pending = List.copyOf(pending);
        validate(year, holidays, compensatory, swaps, pending);
    }

    /** Every weekday given off: holidays on weekdays, compensatory days and swapped days off. */
    public Set<LocalDate> weekdaysOff() {
        return Stream.of(
                        holidays.stream().map(NamedDay::date).filter(CalendarYear::isWeekday),
                        compensatory.stream().map(CompensatoryDay::date),
                        swaps.stream().map(SwappedDay::dayOff))
                .flatMap(s -> s)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every weekend day worked in exchange for a swapped day off. */
    public Set<LocalDate> weekendDaysWorked() {
        return swaps.stream().map(SwappedDay::workedOn).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether every entry was confirmed by a published notice or the law's own fixed date. */
    public boolean fullyConfirmed() {
        return holidays.stream().allMatch(NamedDay::confirmed)
                && compensatory.stream().allMatch(CompensatoryDay::confirmed)
                && swaps.stream().allMatch(SwappedDay::confirmed);
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    private static void validate(
            int year,
            List<NamedDay> holidays,
            List<CompensatoryDay> compensatory,
            List<SwappedDay> swaps,
            List<PendingDay> pending) {
        Set<LocalDate> seen = new HashSet<>();
        for (NamedDay holiday : holidays) {
            requireYear(year, holiday.date(), "holiday");
            requireOnce(seen, holiday.date());
        }
        Set<LocalDate> holidayDates = holidays.stream().map(NamedDay::date).collect(Collectors.toSet());
        Set<LocalDate> compensated = new HashSet<>();
        for (CompensatoryDay day : compensatory) {
            requireYear(year, day.date(), "compensatory day");
            requireOnce(seen, day.date());
            require(isWeekday(day.date()), "compensatory day " + day.date() + " is not a weekday");
            require(
                    holidayDates.contains(day.forHoliday()) && !isWeekday(day.forHoliday()),
                    "compensatory day " + day.date() + " is for " + day.forHoliday()
                            + ", which is not a listed holiday on a weekend");
            require(day.date().isAfter(day.forHoliday()), "compensatory day " + day.date() + " precedes its holiday");
            require(compensated.add(day.forHoliday()), "holiday " + day.forHoliday() + " compensated twice");
        }
        for (NamedDay holiday : holidays) {
            require(
                    isWeekday(holiday.date()) || compensated.contains(holiday.date()),
                    "holiday " + holiday.date() + " falls on a weekend without a compensatory day (art. 111(3))");
        }
        for (SwappedDay swap : swaps) {
            requireYear(year, swap.dayOff(), "swapped day off");
            requireOnce(seen, swap.dayOff());
            require(isWeekday(swap.dayOff()), "swapped day off " + swap.dayOff() + " is not a weekday");
            require(!isWeekday(swap.workedOn()), "day worked " + swap.workedOn() + " is not a weekend day");
            require(
                    Math.abs(swap.workedOn().getYear() - year) <= 1,
                    "day worked " + swap.workedOn() + " is too far from " + year);
            require(!holidayDates.contains(swap.workedOn()), "day worked " + swap.workedOn() + " is a holiday");
        }
        for (PendingDay day : pending) {
            requireYear(year, day.date(), "pending day");
            require(!seen.contains(day.date()), "pending day " + day.date() + " is also listed as a day off");
        }
    }

    private static void requireYear(int year, LocalDate date, String what) {
        require(date.getYear() == year, what + " " + date + " is not in " + year);
    }

    private static void requireOnce(Set<LocalDate> seen, LocalDate date) {
        require(seen.add(date), date + " is listed twice");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
