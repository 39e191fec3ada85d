package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How the citizen raised the petition. */
public enum Channel {
    PORTAL,
    HOTLINE,
    MEETING,
    HOUSEHOLD_VISIT,
    DIALOGUE,
    EMAIL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromCode(String code) {
        return Arrays.stream(values())
                .filter(channel -> channel.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + code));
    }
}
