package vn.gandan.routing.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LegalClockConfigurationUnitTests {

    static ApplicationContextRunner at(String instant) {
        return new ApplicationContextRunner()
                .withUserConfiguration(LegalClockConfiguration.class)
                .withBean(Clock.class, () -> Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void theDataLoadsAtStartUpIntoOneLegalClock(CapturedOutput output) {
        at("2026-06-01T00:00:00Z").run(context -> {
            assertThat(context).hasSingleBean(LegalClock.class);
            assertThat(context.getBean(WorkingCalendar.class).years()).contains(2026, 2027);
            assertThat(context.getBean(ClockPolicies.class).all()).isNotEmpty();
        });
        assertThat(output).doesNotContain("No working calendar");
    }

    @Test
    void aMissingCalendarForNextYearIsWarnedAbout(CapturedOutput output) {
        at("2027-06-01T00:00:00Z").run(context -> assertThat(context).hasSingleBean(LegalClock.class));

        assertThat(output).contains("No working calendar for 2028");
    }
}
