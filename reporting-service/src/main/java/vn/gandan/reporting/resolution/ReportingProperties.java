package vn.gandan.reporting.resolution;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reports.
 *
 * @param maxRange the longest {@code from..to} a report may ask for
 * @param firstYear the first year petitions may have been received in: running totals (open at the end of a
 *     period) start there
 * @param overduePageSize the default page size of the overdue cases
 */
@ConfigurationProperties("gandan.reporting")
public record ReportingProperties(
        @DefaultValue("3y") Period maxRange,
        @DefaultValue("2020") int firstYear,
        @DefaultValue("50") int overduePageSize) {}
