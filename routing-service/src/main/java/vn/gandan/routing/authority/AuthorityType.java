package vn.gandan.routing.authority;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What kind of public body an authority is; rules choose an authority by its type relative to a place. */
public enum AuthorityType {
    /** Ủy ban nhân dân xã / phường / đặc khu: governs one commune. */
    COMMUNE_PEOPLES_COMMITTEE,
    /** Ủy ban nhân dân tỉnh / thành phố: governs one province; the parent of the province's other bodies. */
    PROVINCIAL_PEOPLES_COMMITTEE,
    /** A specialised department of the provincial committee (sở), named by {@link Authority#department()}. */
    PROVINCIAL_DEPARTMENT,
    /** Thanh tra tỉnh: handles denunciations about officials the province appoints. */
    PROVINCIAL_INSPECTORATE,
    /** Công an tỉnh: public order and crimes. */
    POLICE;

    /** Whether an authority of this type governs a commune rather than a province. */
    public boolean isCommuneLevel() {
        return this == COMMUNE_PEOPLES_COMMITTEE;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AuthorityType fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown authority type: " + code));
    }
}
