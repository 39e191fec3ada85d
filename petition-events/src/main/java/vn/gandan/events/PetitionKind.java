package vn.gandan.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The legal kind of a petition; it decides which law's time limits apply. */
public enum PetitionKind {
    /** Kiến nghị, phản ánh: Citizen Reception Law 2013. */
    RECOMMENDATION,
    /** Khiếu nại: Law on Complaints 2011. */
    COMPLAINT,
    /** Tố cáo: Law on Denunciations 2018. */
    DENUNCIATION;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PetitionKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown petition kind: " + code));
    }
}
