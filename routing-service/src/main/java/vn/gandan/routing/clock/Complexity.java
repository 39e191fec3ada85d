package vn.gandan.routing.clock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How complex the authority has found a case; the law grants longer limits or extensions accordingly. */
public enum Complexity {
    ORDINARY,
    COMPLEX,
    ESPECIALLY_COMPLEX;

    /** An especially complex case is also complex wherever the law only knows "complex". */
    public boolean atLeastComplex() {
        return this != ORDINARY;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Complexity fromCode(String code) {
        return Arrays.stream(values())
                .filter(complexity -> complexity.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown complexity: " + code));
    }
}
