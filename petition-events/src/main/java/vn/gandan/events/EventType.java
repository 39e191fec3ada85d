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
    PETITION_ROUTED("vn.gandan.petition.routed.v1", 1, PetitionRouted.class, Topics.ROUTING_CASES, "/gandan/routing"),
    PETITION_ROUTING_FAILED(
            "vn.gandan.petition.routing_failed.v1",
            1,
            PetitionRoutingFailed.class,
            Topics.ROUTING_CASES,
            "/gandan/routing"),
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
