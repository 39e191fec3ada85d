package vn.gandan.events;

/** Events published by intake-service on {@link Topics#INTAKE_PETITIONS}. */
public sealed interface IntakeEvent extends PetitionEvent permits PetitionSubmitted {}
