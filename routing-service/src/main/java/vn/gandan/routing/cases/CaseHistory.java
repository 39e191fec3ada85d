package vn.gandan.routing.cases;

import java.time.Instant;

/**
 * One thing that happened to a case, for the people who look at it later.
 *
 * @param action what happened: {@code routed}, {@code acknowledged}, {@code transferred}, ...
 * @param actor who did it: a user or portal name, or {@code system} for routing and the scheduler
 * @param state the state after it
 * @param authorityId the authority holding the case after it; null in triage
 * @param reason why, as given; may be null
 */
public record CaseHistory(
        Instant at, String action, String actor, CaseState state, String authorityId, String reason) {}
