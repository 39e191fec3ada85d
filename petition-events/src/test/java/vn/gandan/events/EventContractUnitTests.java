package vn.gandan.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.lang.reflect.RecordComponent;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract of every {@link EventType}: its JSON Schema, its golden sample and {@link PetitionEventCodec} agree
 * with each other. A change to a record that is not reflected in the schema and the sample fails here.
 */
class EventContractUnitTests {

    /** Record components that may be null, hence absent on the wire and not {@code required} in the schema. */
    private static final Set<String> OPTIONAL = Set.of(
            "PetitionSubmitted.description",
            "PetitionSubmitted.triageReason",
            "PetitionSubmitted.citizenRef",
            "PetitionSubmitted.relatedTo",
            "PetitionSubmitted.details",
            "PetitionSubmitted.historical",
            "PetitionRouted.deadline",
            "PetitionRouted.historical",
            "PetitionRoutingFailed.historical",
            "CitizenNotificationsConsented.email",
            "CitizenNotificationsConsented.sms",
            "CitizenNotificationsConsented.zalo",
            "Place.communeCode");

    private final PetitionEventCodec codec = new PetitionEventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsDraft202012AndNamedByTheDataSchemaUri(EventType type) {
        JsonNode schema = Contracts.schemaNode(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("title").asString()).isEqualTo(type.typeName());
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                        && schema.path("additionalProperties").booleanValue())
                .as("additive evolution: unknown top-level fields must stay valid")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesEveryRecordComponentAndRequiresTheNonNullOnes(EventType type) {
        JsonNode schema = Contracts.schemaNode(type);

        assertDescribes(schema, schema, type.javaType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleValidatesAgainstItsSchema(EventType type) {
        assertThat(Contracts.validate(type, Contracts.golden(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleReadsAsItsRecordAndWritesBackTheSameJson(EventType type) {
        PetitionEvent event = codec.fromJson(type, Contracts.goldenBytes(type));

        assertThat(event).isInstanceOf(type.javaType()).isEqualTo(Samples.of(type));
        assertThat(event.type()).isEqualTo(type);
        assertThat(Contracts.JSON.readTree(codec.toJson(event))).isEqualTo(Contracts.golden(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void whatTheCodecWritesValidatesAgainstTheSchema(EventType type) {
        JsonNode written = Contracts.JSON.readTree(codec.toJson(Samples.of(type)));

        assertThat(Contracts.validate(type, written)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordSurvivesTheCloudEventRoundTrip(EventType type) {
        PetitionEvent event = Samples.of(type);

        CloudEvent cloudEvent = codec.toCloudEvent(event);

        assertThat(cloudEvent.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(cloudEvent.getId()).isEqualTo(event.eventId().toString());
        assertThat(cloudEvent.getType()).isEqualTo(type.typeName());
        assertThat(cloudEvent.getSource()).isEqualTo(type.source());
        assertThat(cloudEvent.getSubject()).isEqualTo(event.petitionId().toString());
        assertThat(cloudEvent.getTime()).isEqualTo(event.occurredAt().atOffset(ZoneOffset.UTC));
        assertThat(cloudEvent.getDataContentType()).isEqualTo("application/json");
        assertThat(cloudEvent.getDataSchema()).isEqualTo(type.dataSchema());
        assertThat(cloudEvent.getData()).isNotNull();
        assertThat(Contracts.JSON.readTree(cloudEvent.getData().toBytes())).isEqualTo(Contracts.golden(type));

        assertThat(codec.fromCloudEvent(cloudEvent)).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void removingAnyRequiredFieldFailsValidation(EventType type) {
        List<String> required = requiredOf(Contracts.schemaNode(type));
        assertThat(required).contains("eventId", "petitionId", "occurredAt");

        for (String field : required) {
            ObjectNode sample = Contracts.golden(type);
            assertThat(sample.has(field)).as("golden sample has %s", field).isTrue();
            sample.remove(field);

            List<Error> errors = Contracts.validate(type, sample);

            assertThat(errors).as("%s without %s", type.typeName(), field).anySatisfy(error -> {
                assertThat(error.getKeyword()).isEqualTo("required");
                assertThat(error.getMessage()).contains(field);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreToleratedBySchemaAndCodec(EventType type) {
        ObjectNode sample = Contracts.golden(type);
        sample.put("priority", "khẩn");
        sample.putObject("addedLater").put("note", "một trường mới trong v1.x").put("count", 2);
        for (String nested : List.of("place", "authority", "from", "to", "deadline", "previous")) {
            if (sample.get(nested) instanceof ObjectNode object) {
                object.put("wardNameBefore2025", "Phường cũ");
            }
        }

        assertThat(Contracts.validate(type, sample)).isEmpty();
        assertThat(codec.fromJson(type, Contracts.toBytes(sample))).isEqualTo(Samples.of(type));

        CloudEvent cloudEvent = codec.toCloudEvent(
                type,
                sample.get("eventId").asString(),
                PetitionId.of(sample.get("petitionId").asString()),
                Samples.of(type).occurredAt(),
                Contracts.toBytes(sample));
        assertThat(codec.fromCloudEvent(cloudEvent)).isEqualTo(Samples.of(type));
    }

    /** Checks one object schema against one record class, descending into nested records through local refs. */
    private static void assertDescribes(JsonNode root, JsonNode schema, Class<?> recordType) {
        JsonNode object = resolve(root, schema);
        RecordComponent[] components = recordType.getRecordComponents();
        assertThat(components).as("%s is a record", recordType.getSimpleName()).isNotNull();

        Set<String> names =
                Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> expectedRequired = names.stream()
                .filter(name -> !OPTIONAL.contains(recordType.getSimpleName() + "." + name))
                .collect(Collectors.toSet());

        assertThat(object.path("properties").propertyNames())
                .as("properties of the schema of %s", recordType.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(requiredOf(object))
                .as("required of the schema of %s", recordType.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(expectedRequired);

        for (RecordComponent component : components) {
            if (component.getType().isRecord() && component.getType() != PetitionId.class) {
                assertDescribes(root, object.path("properties").path(component.getName()), component.getType());
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        assertThat(ref.asString()).startsWith("#/");
        return root.at(ref.asString().substring(1));
    }

    private static List<String> requiredOf(JsonNode objectSchema) {
        List<String> required = new ArrayList<>();
        objectSchema.path("required").values().forEach(node -> required.add(node.asString()));
        assertThat(new LinkedHashSet<>(required))
                .as("no duplicates in required")
                .hasSameSizeAs(required);
        return required;
    }
}
