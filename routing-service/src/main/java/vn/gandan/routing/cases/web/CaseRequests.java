package vn.gandan.routing.cases.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.gandan.routing.clock.Complexity;

/** The bodies of the case actions. Texts the citizen may be shown are bounded as the event contract bounds them. */
final class CaseRequests {

    static final int MAX_TEXT = 10_000;
    static final int MAX_REASON = 2_000;

    private CaseRequests() {}

    record Transfer(
            @NotBlank @Size(max = 60) String toAuthorityId,
            @NotBlank @Size(max = MAX_REASON) String reason) {}

    record Assign(
            @NotBlank @Size(max = 60) String toAuthorityId,
            @Size(max = MAX_REASON) String reason) {}

    /** Days in the unit of the running period; a complexity to reclassify the case; at least one of them. */
    record Extension(
            @Min(1) @Max(90) Integer days,
            Complexity complexity,
            @NotBlank @Size(max = MAX_REASON) String reason) {}

    record Pause(@NotBlank @Size(max = MAX_REASON) String reason) {}

    record Resolve(@NotBlank @Size(max = MAX_TEXT) String response) {}

    record Reject(
            @NotBlank @Size(max = 40) String reason,
            @Size(max = MAX_TEXT) String explanation) {}

    record Reopen(
            @NotBlank @Size(max = MAX_REASON) String reason,
            @Size(max = 60) String toAuthorityId) {}
}
