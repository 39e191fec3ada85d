package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.UnreadableEventException;
import vn.gandan.support.SampleEvents;

class PetitionEventSerdeUnitTests {

    final PetitionEventCodec codec = new PetitionEventCodec();
    final PetitionEventSerializer serializer = new PetitionEventSerializer(codec);
    final PetitionEventDeserializer deserializer = new PetitionEventDeserializer(codec);

    {
        serializer.configure(Map.of(), false);
    }

    @Test
    void anEventGoesOutInBinaryModeAndComesBackEqual() {
        PetitionSubmitted event = SampleEvents.submitted(PetitionId.random());
        Headers headers = new RecordHeaders();

        byte[] value = serializer.serialize("gandan.intake.petitions.v1", headers, event);

        assertThat(value).isEqualTo(codec.toJson(event));
        assertThat(text(headers, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(text(headers, "ce_type")).isEqualTo("vn.gandan.petition.submitted.v1");
        assertThat(text(headers, "ce_subject")).isEqualTo(event.petitionId().toString());
        assertThat(text(headers, "content-type")).isEqualTo("application/json");
        assertThat(deserializer.deserialize("gandan.intake.petitions.v1", headers, value))
                .isEqualTo(event);
    }

    @Test
    void headersOfAnEarlierEventAreReplacedNotDuplicated() {
        PetitionSubmitted event = SampleEvents.submitted(PetitionId.random());
        Headers headers = new RecordHeaders();
        headers.add("ce_id", "an-older-id".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "vn.gandan.petition.exploded.v9".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-topic", "gandan.intake.petitions.v1".getBytes(StandardCharsets.UTF_8));

        serializer.serialize("gandan.support-test.dlt", headers, event);

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(text(headers, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(headers.headers("ce_type")).hasSize(1);
        assertThat(text(headers, "ce_type")).isEqualTo("vn.gandan.petition.submitted.v1");
        assertThat(headers.headers("content-type")).hasSize(1);
        assertThat(text(headers, "content-type")).isEqualTo("application/json");
        assertThat(text(headers, "kafka_dlt-original-topic")).isEqualTo("gandan.intake.petitions.v1");
    }

    @Test
    void rawBytesPassThroughWithTheirHeaders() {
        Headers headers = new RecordHeaders();
        headers.add("ce_id", "kept".getBytes(StandardCharsets.UTF_8));
        byte[] poison = "not json".getBytes(StandardCharsets.UTF_8);

        assertThat(serializer.serialize("gandan.support-test.dlt", headers, poison))
                .isSameAs(poison);
        assertThat(text(headers, "ce_id")).isEqualTo("kept");
        assertThat(serializer.serialize("gandan.support-test.dlt", headers, null))
                .isNull();
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsUnreadable() {
        assertThatThrownBy(() -> deserializer.deserialize(
                        "gandan.intake.petitions.v1", new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageStartingWith("not a CloudEvent");
    }

    @Test
    void anUnknownTypeIsUnreadable() {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/elsewhere".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "vn.gandan.petition.exploded.v9".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(
                        "gandan.intake.petitions.v1", headers, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("unknown event type: vn.gandan.petition.exploded.v9");
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
