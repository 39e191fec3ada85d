package vn.gandan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A petition was assigned to the authority that must answer it.
 *
 * @param place the place the decision was made for
 * @param ruleId the routing rule that decided, for the explanation
 * @param ruleVersion that rule's version
 */
public record PetitionRouted(
        UUID eventId,
        PetitionId petitionId,
        Instant occurredAt,
        AuthorityRef authority,
        Place place,
        String ruleId,
        int ruleVersion)
        implements RoutingEvent {}
