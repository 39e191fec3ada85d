package vn.gandan.events;

/**
 * Every Kafka topic and consumer group of gandan, in one place. Each topic is owned by its producer; a producer may
 * own more than one (intake keeps personal data apart on {@link #INTAKE_CONTACTS}).
 */
public final class Topics {

    /** {@link IntakeEvent}s, keyed by petition id. */
    public static final String INTAKE_PETITIONS = "gandan.intake.petitions.v1";

    /**
     * {@link CitizenNotificationsConsented} and {@link CitizenNotificationsWithdrawn}, keyed by petition id. It
     * holds personal data (the addresses a citizen agreed to be reached at), so only notification-service may read
     * it (broker ACLs in production), nothing may copy it elsewhere, and it is compacted with a time limit
     * ({@code cleanup.policy=compact,delete}, a bounded {@code max.compaction.lag.ms}): a withdrawal, published
     * under the same key, then replaces the consent it ends. See docs/adr/0010.
     */
    public static final String INTAKE_CONTACTS = "gandan.intake.contacts.v1";

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
