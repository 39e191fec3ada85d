package vn.gandan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** What {@link PetitionEventCodec} refuses to read: all of it is {@link UnreadableEventException}, never retried. */
class PetitionEventCodecUnitTests {

    private final PetitionEventCodec codec = new PetitionEventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void rejectsAnUnknownType(EventType type) {
        CloudEvent unknown = CloudEventBuilder.v1(codec.toCloudEvent(Samples.of(type)))
                .withType(type.typeName().replaceFirst("\\.v1$", ".v2"))
                .build();

        assertThatThrownBy(() -> codec.fromCloudEvent(unknown))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("unknown event type");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void rejectsASubjectThatIsNotThePayloadsPetition(EventType type) {
        CloudEvent mismatched = CloudEventBuilder.v1(codec.toCloudEvent(Samples.of(type)))
                .withSubject(
                        PetitionId.of("11111111-2222-4333-8444-555555555555").toString())
                .build();

        assertThatThrownBy(() -> codec.fromCloudEvent(mismatched))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("ce_subject");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void rejectsAnIdThatIsNotThePayloadsEventId(EventType type) {
        CloudEvent mismatched = CloudEventBuilder.v1(codec.toCloudEvent(Samples.of(type)))
                .withId("66666666-7777-4888-9999-000000000000")
                .build();

        assertThatThrownBy(() -> codec.fromCloudEvent(mismatched)).isInstanceOf(UnreadableEventException.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void rejectsACloudEventWithoutData(EventType type) {
        CloudEvent empty = CloudEventBuilder.v1(codec.toCloudEvent(Samples.of(type)))
                .withoutData()
                .build();

        assertThatThrownBy(() -> codec.fromCloudEvent(empty))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("without data");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void rejectsAPayloadWithoutTheEnvelopeFields(EventType type) {
        for (String field : new String[] {"eventId", "petitionId", "occurredAt"}) {
            ObjectNode payload = Contracts.golden(type);
            payload.remove(field);
            CloudEvent cloudEvent = CloudEventBuilder.v1(codec.toCloudEvent(Samples.of(type)))
                    .withData(PetitionEventCodec.CONTENT_TYPE, Contracts.toBytes(payload))
                    .build();

            assertThatThrownBy(() -> codec.fromCloudEvent(cloudEvent))
                    .as("%s without %s", type.typeName(), field)
                    .isInstanceOf(UnreadableEventException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{not json",
                "[]",
                "{\"eventId\":\"not-a-uuid\"}",
                "{\"petitionId\":\"b7e4d2c9\"}",
                "{\"occurredAt\":\"15/09/2025 08:47\"}",
                "{\"kind\":\"KHIEU_NAI\"}",
                "{\"channel\":\"zalo\"}",
                "{\"place\":{\"communeCode\":\"17605\"}}"
            })
    void rejectsAMalformedPayload(String payload) {
        assertThatThrownBy(() -> codec.fromJson(EventType.PETITION_SUBMITTED, payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(EventType.PETITION_SUBMITTED.typeName());
    }

    @Test
    void rejectsARoutedEventWithoutItsRuleVersion() {
        ObjectNode payload = Contracts.golden(EventType.PETITION_ROUTED);
        payload.remove("ruleVersion");

        assertThatThrownBy(() -> codec.fromJson(EventType.PETITION_ROUTED, Contracts.toBytes(payload)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void readsARoutedEventFromBeforeDeadlinesAndWritesItWithoutOne() {
        ObjectNode payload = Contracts.golden(EventType.PETITION_ROUTED);
        payload.remove("deadline");

        assertThat(Contracts.validate(EventType.PETITION_ROUTED, payload)).isEmpty();
        assertThat(codec.fromJson(EventType.PETITION_ROUTED, Contracts.toBytes(payload)))
                .isEqualTo(Samples.routedWithoutDeadline());
        assertThat(Contracts.JSON.readTree(codec.toJson(Samples.routedWithoutDeadline())))
                .isEqualTo(payload);
    }

    @ParameterizedTest
    @EnumSource(
            value = EventType.class,
            names = {"PETITION_SUBMITTED", "PETITION_ROUTED", "PETITION_ROUTING_FAILED"})
    void marksAHistoricalPetitionOnlyWhenSoAndReadsALiveOneWithoutTheField(EventType type) {
        ObjectNode live = Contracts.golden(type);
        assertThat(live.has("historical")).isFalse();
        assertThat(codec.fromJson(type, Contracts.toBytes(live)).fromHistory()).isFalse();

        ObjectNode imported = live.deepCopy().put("historical", true);
        assertThat(Contracts.validate(type, imported)).isEmpty();
        PetitionEvent read = codec.fromJson(type, Contracts.toBytes(imported));
        assertThat(read.fromHistory()).isTrue();
        assertThat(Contracts.JSON.readTree(codec.toJson(read))).isEqualTo(imported);

        // false is a live petition: written without the field, as the schema allows only true
        assertThat(Contracts.validate(type, live.deepCopy().put("historical", false)))
                .isNotEmpty();
        ObjectNode saidFalse = live.deepCopy().put("historical", false);
        assertThat(Contracts.JSON.readTree(codec.toJson(codec.fromJson(type, Contracts.toBytes(saidFalse)))))
                .isEqualTo(live);
    }

    @Test
    void rejectsADeadlineWithoutItsDueDay() {
        ObjectNode payload = Contracts.golden(EventType.PETITION_ACKNOWLEDGED);
        ((ObjectNode) payload.get("deadline")).remove("dueAt");

        assertThatThrownBy(() -> codec.fromJson(EventType.PETITION_ACKNOWLEDGED, Contracts.toBytes(payload)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void omitsNullFieldsAndWritesCodesAndIsoInstants() {
        ObjectNode written = (ObjectNode) Contracts.JSON.readTree(codec.toJson(Samples.submittedForTriage()));

        assertThat(written.has("description")).isFalse();
        assertThat(written.path("place").has("communeCode")).isFalse();
        assertThat(written.path("place").path("provinceCode").asString()).isEqualTo("40");
        assertThat(written.path("kind").asString()).isEqualTo("complaint");
        assertThat(written.path("channel").asString()).isEqualTo("meeting");
        assertThat(written.path("occurredAt").asString()).isEqualTo("2025-09-16T03:05:40.125Z");
        assertThat(written.path("petitionId").asString()).isEqualTo(Samples.UNPLACED_PETITION_ID.toString());
        assertThat(written.has("type"))
                .as("derived accessors are not on the wire")
                .isFalse();
        assertThat(written.has("schemaVersion")).isFalse();
        assertThat(Contracts.validate(EventType.PETITION_SUBMITTED, written)).isEmpty();
        assertThat(codec.fromJson(EventType.PETITION_SUBMITTED, Contracts.toBytes(written)))
                .isEqualTo(Samples.submittedForTriage());
    }

    @Test
    void readsHouseholdVisitAsItsLowercaseCode() {
        ObjectNode payload = Contracts.golden(EventType.PETITION_SUBMITTED);

        assertThat(payload.path("channel").asString()).isEqualTo("household_visit");
        assertThat(((PetitionSubmitted) codec.fromJson(EventType.PETITION_SUBMITTED, Contracts.toBytes(payload)))
                        .channel())
                .isEqualTo(Channel.HOUSEHOLD_VISIT);
    }
}
