package vn.gandan.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudEvents type of each event record: its name on the wire, schema version, topic and source.
 * Additive changes keep the name; a breaking change is a new name (see docs/adr/0002).
 */
public enum EventType {
    PETITION_SUBMITTED(
            "vn.gandan.petition.submitted.v1", 1, PetitionSubmitted.class, Topics.INTAKE_PETITIONS, "/gandan/intake"),
    CITIZEN_NOTIFICATIONS_CONSENTED(
            "vn.gandan.citizen.notifications_consented.v1",
            1,
            CitizenNotificationsConsented.class,
            Topics.INTAKE_CONTACTS,
            "/gandan/intake"),
    CITIZEN_NOTIFICATIONS_WITHDRAWN(
            "vn.gandan.citizen.notifications_withdrawn.v1",
            1,
            CitizenNotificationsWithdrawn.class,
            Topics.INTAKE_CONTACTS,
            "/gandan/intake"),
    PETITION_ROUTED("vn.gandan.petition.routed.v1", 1, PetitionRouted.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_ROUTING_FAILED(
            "vn.gandan.petition.routing_failed.v1",
            1,
            PetitionRoutingFailed.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
    PETITION_ACKNOWLEDGED(
            "vn.gandan.petition.acknowledged.v1",
            1,
            PetitionAcknowledged.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
    PETITION_TRANSFERRED(
            "vn.gandan.petition.transferred.v1", 1, PetitionTransferred.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_DEADLINE_EXTENDED(
            "vn.gandan.petition.deadline_extended.v1",
            1,
            PetitionDeadlineExtended.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
    PETITION_CLOCK_PAUSED(
            "vn.gandan.petition.clock_paused.v1",
            1,
            PetitionClockPaused.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
    PETITION_CLOCK_RESUMED(
            "vn.gandan.petition.clock_resumed.v1",
            1,
            PetitionClockResumed.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
    PETITION_RESOLVED(
            "vn.gandan.petition.resolved.v1", 1, PetitionResolved.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_REJECTED(
            "vn.gandan.petition.rejected.v1", 1, PetitionRejected.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_CLOSED("vn.gandan.petition.closed.v1", 1, PetitionClosed.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_REOPENED(
            "vn.gandan.petition.reopened.v1", 1, PetitionReopened.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_DEADLINE_APPROACHING(
            "vn.gandan.petition.deadline_approaching.v1",
            1,
            PetitionDeadlineApproaching.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
    PETITION_OVERDUE(
            "vn.gandan.petition.overdue.v1", 1, PetitionOverdue.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_ESCALATED(
            "vn.gandan.petition.escalated.v1", 1, PetitionEscalated.class, Topics.ROUTING_CASES, "/gandan/routing"),
    NOTIFICATION_SENT(
            "vn.gandan.notification.sent.v1",
            1,
            NotificationSent.class,
            Topics.NOTIFICATION_DELIVERIES,
            "/gandan/notification"),
    NOTIFICATION_FAILED(
            "vn.gandan.notification.failed.v1",
            1,
            NotificationFailed.class,
            Topics.NOTIFICATION_DELIVERIES,
            "/gandan/notification");

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends PetitionEvent> javaType;
    private final String topic;
    private final URI source;

    EventType(
            String typeName, int schemaVersion, Class<? extends PetitionEvent> javaType, String topic, String source) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.javaType = javaType;
        this.topic = topic;
        this.source = URI.create(source);
    }

    /** The CloudEvents {@code type}, e.g. {@code vn.gandan.petition.submitted.v1}. */
    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends PetitionEvent> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code source}: the producing service. */
    public URI source() {
        return source;
    }

    /** The CloudEvents {@code dataschema}: names the JSON Schema that describes the payload. */
    public URI dataSchema() {
        return URI.create("urn:gandan:schema:" + typeName);
    }

    /** Class-path location of the JSON Schema of this type's payload. */
    public String schemaResource() {
        return "/vn/gandan/events/schemas/" + typeName + ".json";
    }

    public static EventType of(Class<? extends PetitionEvent> javaType) {
        return Arrays.stream(values())
                .filter(type -> type.javaType.equals(javaType))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no event type for " + javaType.getName()));
    }

    public static Optional<EventType> ofTypeName(String typeName) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName))
                .findFirst();
    }
}
