package vn.gandan.routing.clock;

import java.time.Instant;
import java.util.Objects;

/**
 * A stop of a clock the law allows, such as waiting for the citizen to supply documents.
 *
 * @param from when the clock stopped; must not be null
 * @param to when it resumed; null while it is still paused
 * @param reason why, e.g. {@link #WAITING_FOR_CITIZEN}; must not be blank
 */
public record Pause(Instant from, Instant to, String reason) {

    public static final String WAITING_FOR_CITIZEN = "waiting_for_citizen";

    public Pause {
        Objects.requireNonNull(from, "from");
        CalendarYear.requireText(reason, "reason");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean isOpen() {
        return to == null;
    }

    Pause endedAt(Instant at) {
        return new Pause(from, at, reason);
    }
}
