package vn.gandan.events;

/**
 * Events published by intake-service: {@link PetitionSubmitted} on {@link Topics#INTAKE_PETITIONS}; the citizen's
 * consent to notifications and its withdrawal on {@link Topics#INTAKE_CONTACTS}, which alone holds personal data.
 * {@link EventType#topic()} tells which.
 */
public sealed interface IntakeEvent extends PetitionEvent
        permits PetitionSubmitted, CitizenNotificationsConsented, CitizenNotificationsWithdrawn {}
