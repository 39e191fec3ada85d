package vn.gandan.routing.clock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The event whose day starts a step's period (that day itself is not counted). */
public enum ClockStart {
    /** The petition's receipt: {@code receivedAt}, never the moment a portal synced it. */
    RECEIPT,
    /** The acceptance (thụ lý) of a complaint or denunciation. */
    ACCEPTANCE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ClockStart fromCode(String code) {
        return Arrays.stream(values())
                .filter(start -> start.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown clock start: " + code));
    }
}
