package vn.gandan.reporting.resolution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What figures may be grouped or filtered by. */
public enum Dimension {
    PROVINCE,
    COMMUNE,
    AUTHORITY,
    CATEGORY,
    KIND,
    CHANNEL;

    /** The group of a petition without a value (no commune, not yet routed). */
    public static final String NONE = "none";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }

    public String valueOf(PetitionState state) {
        String value =
                switch (this) {
                    case PROVINCE -> state.provinceCode();
                    case COMMUNE -> state.communeCode();
                    case AUTHORITY -> state.authorityId();
                    case CATEGORY -> state.category();
                    case KIND -> state.kind();
                    case CHANNEL -> state.channel();
                };
        return value == null ? NONE : value;
    }
}
