package vn.gandan.events;

/** Every Kafka topic and consumer group of gandan, in one place. Each topic is owned by its producer. */
public final class Topics {

    /** {@link IntakeEvent}s, keyed by petition id. */
    public static final String INTAKE_PETITIONS = "gandan.intake.petitions.v1";

    /** {@link RoutingEvent}s, keyed by petition id. */
    public static final String ROUTING_CASES = "gandan.routing.cases.v1";

    /** {@link NotificationEvent}s, keyed by petition id. */
    public static final String NOTIFICATION_DELIVERIES = "gandan.notification.deliveries.v1";

    public static final String INTAKE_GROUP = "intake";
    public static final String ROUTING_GROUP = "routing";
    public static final String NOTIFICATION_GROUP = "notification";
    public static final String REPORTING_GROUP = "reporting";

    private Topics() {}

    /** The one dead-letter topic of a consumer group: where its poison messages end, with their reason. */
    public static String deadLetter(String consumerGroup) {
        return "gandan." + consumerGroup + ".dlt";
    }
}
