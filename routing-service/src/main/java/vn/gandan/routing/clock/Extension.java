package vn.gandan.routing.clock;

import java.time.Instant;
import java.util.Objects;

/**
 * An extension of a period granted by the competent person, in the unit of the period.
 *
 * @param grantedAt when it was decided; must not be null
 * @param days how many days it adds; positive
 * @param reason why, for the record; must not be blank
 */
public record Extension(Instant grantedAt, int days, String reason) {

    public Extension {
        Objects.requireNonNull(grantedAt, "grantedAt");
        CalendarYear.requireText(reason, "reason");
        if (days < 1) {
            throw new IllegalArgumentException("an extension adds at least one day: " + days);
        }
    }
}
