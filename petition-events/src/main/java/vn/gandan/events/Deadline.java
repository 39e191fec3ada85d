package vn.gandan.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A time limit the authority handling a case must meet, as the policy that set it computed it.
 *
 * @param step what must be done by then, an open code: {@code acceptance} (accept or reject the case),
 *     {@code resolution} (answer it), {@code reply} (act on an escalation); readers accept codes they do not know
 * @param dueAt the end of the due day, 23:59:59 Vietnam time (e.g. {@code 2025-09-29T16:59:59Z}); the case is
 *     overdue after it
 * @param policyId the versioned policy that set it, {@code <policy>@<effective date>}, e.g.
 *     {@code complaint.acceptance@2025-07-01}
 */
public record Deadline(String step, Instant dueAt, String policyId) {

    public static final String ACCEPTANCE = "acceptance";
    public static final String RESOLUTION = "resolution";
    public static final String REPLY = "reply";

    public Deadline {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(policyId, "policyId");
    }
}
