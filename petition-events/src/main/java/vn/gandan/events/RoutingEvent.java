package vn.gandan.events;

/** Events published by routing-service on {@link Topics#ROUTING_CASES}. */
public sealed interface RoutingEvent extends PetitionEvent permits PetitionRouted, PetitionRoutingFailed {}
