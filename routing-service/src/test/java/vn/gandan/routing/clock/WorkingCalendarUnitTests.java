package vn.gandan.routing.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingCalendarUnitTests {

    static final WorkingCalendar calendar = WorkingCalendar.bundled();

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void everyBundledYearLoadsFrom2025To2027() {
        assertThat(calendar.years()).contains(2025, 2026, 2027);
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void everyYearHasTheElevenStatutoryHolidaysAndAtLeastElevenWeekdaysOff(int year) {
        CalendarYear data = calendar.year(year).orElseThrow();

        assertThat(data.holidays()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(data.weekdaysOff()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(data.weekdaysOff()).allSatisfy(off -> assertThat(calendar.isWorkingDay(off))
                .as(off.toString())
                .isFalse());
        assertThat(data.source()).isNotBlank();
    }

    @Test
    void tet2026IsOffFromSaturday14ToSunday22February() {
        for (LocalDate day = day("2026-02-14"); !day.isAfter(day("2026-02-22")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(day("2026-02-13"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-02-23"))).isTrue();
    }

    @Test
    void tet2025IsOffFromSaturday25JanuaryToSunday2February() {
        for (LocalDate day = day("2025-01-25"); !day.isAfter(day("2025-02-02")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(day("2025-02-03"))).isTrue();
    }

    @Test
    void aHolidayOnASundayIsTakenOnMonday() {
        // Hùng Kings' day 2026 is Sunday 26 April.
        assertThat(calendar.isWorkingDay(day("2026-04-26"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2026-04-27"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2026-04-28"))).isTrue();
    }

    @Test
    void aSaturdayWorkedForASwappedDayOffIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(day("2025-04-26"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2025-05-02"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2026-01-10"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-01-02"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2026-08-22"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-08-31"))).isFalse();

        // Received Friday 25 April 2025: the next working day is the Saturday worked, not Monday.
        assertThat(calendar.plusWorkingDays(day("2025-04-25"), 1)).isEqualTo(day("2025-04-26"));
    }

    @Test
    void anAnnouncedButNotEnactedDayOffStaysAWorkingDay() {
        assertThat(calendar.year(2026).orElseThrow().pending())
                .extracting(CalendarYear.PendingDay::date)
                .containsExactly(day("2026-11-24"));
        assertThat(calendar.isWorkingDay(day("2026-11-24"))).isTrue();
    }

    @Test
    void unconfirmedEntriesAreMarked() {
        assertThat(calendar.year(2026).orElseThrow().fullyConfirmed()).isTrue();
        assertThat(calendar.year(2027).orElseThrow().fullyConfirmed()).isFalse();
    }

    @Test
    void workingDaysDoNotCountTheEventDay() {
        // Received on a Saturday: Monday is the first working day of the period.
        assertThat(calendar.plusWorkingDays(day("2026-03-07"), 1)).isEqualTo(day("2026-03-09"));
        assertThat(calendar.plusWorkingDays(day("2026-03-09"), 0)).isEqualTo(day("2026-03-09"));
        assertThat(calendar.workingDaysBetween(day("2026-03-06"), day("2026-03-09")))
                .isEqualTo(1);
    }

    @Test
    void aYearWithoutDataFallsBackToWeekendsAndFixedDateHolidaysAndSaysSo() {
        assertThat(calendar.hasDataFor(2030)).isFalse();
        assertThat(calendar.isApproximate(day("2030-04-26"), day("2030-05-14"))).isTrue();
        assertThat(calendar.isApproximate(day("2026-01-01"), day("2027-12-31"))).isFalse();

        assertThat(calendar.isWorkingDay(day("2030-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2030-04-30"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2030-05-01"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2030-09-02"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2030-09-03"))).isTrue();
        // 1 January 2028 is a Saturday: taken on Monday 3 January.
        assertThat(calendar.isWorkingDay(day("2028-01-03"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2028-01-04"))).isTrue();
    }

    @Test
    void aCalendarFileWithAnUnknownKeyDoesNotLoad() {
        String yaml = """
                year: 2031
                source: test
                holidays:
                  - date: 2031-01-01
                    name: {vi: "Tết Dương lịch", en: "New Year's Day"}
                    basis: "art. 112"
                    confirmed: true
                    confimed: true
                compensatory: []
                swaps: []
                pending: []
                """;

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown key 'confimed'");
    }

    @Test
    void aHolidayOnAWeekendWithoutItsCompensatoryDayDoesNotLoad() {
        String yaml = """
                year: 2028
                source: test
                holidays:
                  - date: 2028-01-01
                    name: {vi: "Tết Dương lịch", en: "New Year's Day"}
                    basis: "art. 112"
                    confirmed: true
                compensatory: []
                swaps: []
                pending: []
                """;

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2028-01-01 falls on a weekend without a compensatory day");
    }

    @Test
    void aSwapMustGiveAWeekdayOffForAWeekendDayWorked() {
        String yaml = """
                year: 2028
                source: test
                holidays: []
                compensatory: []
                swaps:
                  - dayOff: 2028-01-08
                    workedOn: 2028-01-10
                    name: {vi: "x", en: "x"}
                    basis: "x"
                    confirmed: false
                pending: []
                """;

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a weekday");
    }

    static CalendarYear read(String yaml) {
        return CalendarYamlReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
