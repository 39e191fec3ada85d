package vn.gandan.routing.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a case stands. {@code triage → routed → acknowledged → in_progress → resolved | rejected → closed}; a
 * transfer or an escalation keeps the case open at another authority; a resolved, rejected or closed case may be
 * reopened (a second-level complaint). A historical petition is {@code archived} from the start and stays so.
 */
public enum CaseState {
    /** No authority yet: waits in its province's triage queue for an operator. */
    TRIAGE,
    /** Assigned to an authority, which has not yet accepted it. */
    ROUTED,
    /** The authority accepted it (thụ lý) and the next clock runs. */
    ACKNOWLEDGED,
    /** The authority has acted on it beyond accepting it: paused the clock for the citizen, extended a deadline. */
    IN_PROGRESS,
    RESOLVED,
    /** Not competent, not accepted, withdrawn or a duplicate, with the reason. */
    REJECTED,
    CLOSED,
    /**
     * A petition imported from a portal's records (ADR 0017): on the record, at the authority that answers for its
     * place today or at none, with no clock, in no queue, and no action applies to it. Final.
     */
    ARCHIVED;

    /** Whether an authority still owes an answer, so a clock runs. */
    public boolean isOpen() {
        return this == ROUTED || this == ACKNOWLEDGED || this == IN_PROGRESS;
    }

    /**
     * Whether the case has been answered (resolved or rejected) or closed in gandan. Not an archived one: whether
     * and how the old system answered it, gandan does not know, and it cannot be reopened.
     */
    public boolean isAnswered() {
        return this == RESOLVED || this == REJECTED || this == CLOSED;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
