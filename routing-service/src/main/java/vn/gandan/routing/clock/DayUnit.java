package vn.gandan.routing.clock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a legal period is counted: only working days, or every day with the end moved off a rest day. */
public enum DayUnit {
    WORKING_DAYS,
    CALENDAR_DAYS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DayUnit fromCode(String code) {
        return Arrays.stream(values())
                .filter(unit -> unit.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown day unit: " + code));
    }
}
