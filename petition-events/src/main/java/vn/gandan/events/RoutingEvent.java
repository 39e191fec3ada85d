package vn.gandan.events;

/**
 * Events published by routing-service on {@link Topics#ROUTING_CASES}: the routing decision, then every change of
 * the case's lifecycle and legal clock.
 */
public sealed interface RoutingEvent extends PetitionEvent
        permits PetitionRouted,
                PetitionRoutingFailed,
                PetitionAcknowledged,
                PetitionTransferred,
                PetitionDeadlineExtended,
                PetitionClockPaused,
                PetitionClockResumed,
                PetitionResolved,
                PetitionRejected,
                PetitionClosed,
                PetitionReopened,
                PetitionDeadlineApproaching,
                PetitionOverdue,
                PetitionEscalated {}
