package vn.gandan.routing.clock;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the bundled calendar and policies at start-up, so invalid data stops the service instead of moving
 * deadlines, and warns when this year or the next has no calendar yet.
 */
@Configuration(proxyBeanMethods = false)
class LegalClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LegalClockConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(Clock clock) {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        int thisYear = WorkingCalendar.localDate(clock.instant()).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.hasDataFor(year)) {
                log.warn(
                        "No working calendar for {}: deadlines reaching into it skip only weekends and fixed-date "
                                + "holidays and are flagged approximate. Add calendar-{}.yml (docs/adr/0008-legal-clocks.md).",
                        year,
                        year);
            }
        }
        return calendar;
    }

    @Bean
    ClockPolicies clockPolicies() {
        return ClockPolicies.bundled();
    }

    @Bean
    LegalClock legalClock(WorkingCalendar workingCalendar, ClockPolicies clockPolicies) {
        return new LegalClock(workingCalendar, clockPolicies);
    }
}
