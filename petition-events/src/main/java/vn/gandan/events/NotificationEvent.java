package vn.gandan.events;

/** Events published by notification-service on {@link Topics#NOTIFICATION_DELIVERIES}. */
public sealed interface NotificationEvent extends PetitionEvent permits NotificationSent, NotificationFailed {}
