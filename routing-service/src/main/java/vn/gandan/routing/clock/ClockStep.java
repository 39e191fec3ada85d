package vn.gandan.routing.clock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.gandan.events.PetitionKind;

/** A step of a petition's handling that runs on a legal clock, and the kinds it belongs to. */
public enum ClockStep {
    /** Complaint: accept or refuse; denunciation: log, check and triage. */
    ACCEPTANCE(PetitionKind.COMPLAINT, PetitionKind.DENUNCIATION),
    FIRST_RESOLUTION(PetitionKind.COMPLAINT),
    SECOND_RESOLUTION(PetitionKind.COMPLAINT),
    /** Denunciation sent on to the competent authority. */
    TRANSFER(PetitionKind.DENUNCIATION),
    RESOLUTION(PetitionKind.DENUNCIATION),
    /** Recommendation or reflection: reply to, or notify, the citizen. */
    REPLY(PetitionKind.RECOMMENDATION),
    /** Recommendation or reflection sent on to the competent agency. */
    FORWARD(PetitionKind.RECOMMENDATION);

    private final Set<PetitionKind> kinds;

    ClockStep(PetitionKind first, PetitionKind... more) {
        this.kinds = EnumSet.of(first, more);
    }

    public boolean appliesTo(PetitionKind kind) {
        return kinds.contains(kind);
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ClockStep fromCode(String code) {
        return Arrays.stream(values())
                .filter(step -> step.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown clock step: " + code));
    }
}
