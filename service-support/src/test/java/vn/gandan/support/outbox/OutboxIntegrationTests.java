package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gandan.testsupport.KafkaProbe.header;
import static vn.gandan.testsupport.KafkaProbe.withKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.RecordingListener;
import vn.gandan.support.testapp.TestPetition;
import vn.gandan.support.testapp.TestPetitions;
import vn.gandan.testsupport.KafkaProbe;

/** A save with events in the aggregate's outbox ends, without any call from the service, on Kafka. */
@SupportIntegrationTest
class OutboxIntegrationTests {

    static KafkaProbe intake;

    final PetitionEventCodec codec = new PetitionEventCodec();

    @Autowired
    TestPetitions petitions;

    @Autowired
    RecordingListener listener;

    @BeforeAll
    static void readTopic() {
        intake = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intake.close();
    }

    @Test
    void publishesASavedEventExactlyOnceAsABinaryCloudEventAndEmptiesTheOutbox() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);

        petitions.save(new TestPetition(petitionId.toString(), event.trackingCode(), "submitted").raise(event));

        ConsumerRecord<String, byte[]> record = intake.await(withKey(petitionId.toString()), Duration.ofSeconds(20));
        assertThat(header(record, "ce_id")).contains(event.eventId().toString());
        assertThat(header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(header(record, "ce_source")).contains("/gandan/intake");
        assertThat(header(record, "ce_subject")).contains(petitionId.toString());
        assertThat(header(record, "ce_specversion")).contains("1.0");
        assertThat(header(record, "ce_dataschema")).contains("urn:gandan:schema:vn.gandan.petition.submitted.v1");
        assertThat(header(record, "content-type")).contains("application/json");
        assertThat(header(record, "ce_time").map(OffsetDateTime::parse).map(OffsetDateTime::toInstant))
                .contains(event.occurredAt());
        for (String name : List.of("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type")) {
            assertThat(record.headers().headers(name)).as(name).hasSize(1);
        }
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.toJson(event), StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TestPetition stored = petitions.findById(petitionId.toString()).orElseThrow();
            assertThat(stored.outbox()).isEmpty();
        });
        TestPetition stored = petitions.findById(petitionId.toString()).orElseThrow();
        assertThat(stored.status()).isEqualTo("submitted");
        assertThat(stored.trackingCode()).isEqualTo(event.trackingCode());

        assertThat(intake.recordsWithKey(petitionId.toString(), Duration.ofSeconds(1)))
                .as("records for the petition")
                .hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(petitionId), events -> !events.isEmpty());
        assertThat(receivedFor(petitionId)).containsExactly(event);
    }

    @Test
    void publishesTwoEventsOfOneSaveInTheirOrder() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted first = SampleEvents.submitted(petitionId);
        PetitionSubmitted second = SampleEvents.resubmittedForTriage(first);

        petitions.save(new TestPetition(petitionId.toString(), first.trackingCode(), "triage")
                .raise(first)
                .raise(second));

        intake.await(r -> header(r, "ce_id").orElse("").equals(second.eventId().toString()), Duration.ofSeconds(20));
        List<ConsumerRecord<String, byte[]>> records =
                intake.recordsWithKey(petitionId.toString(), Duration.ofMillis(500));
        assertThat(records)
                .map(r -> header(r, "ce_id").orElseThrow())
                .containsExactly(first.eventId().toString(), second.eventId().toString());
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        assertThat(records.get(0).offset()).isLessThan(records.get(1).offset());
        assertThat(records.get(1).value()).isEqualTo(codec.toJson(second));

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(petitionId), events -> events.size() == 2);
        assertThat(receivedFor(petitionId)).containsExactly(first, second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        petitions.findById(petitionId.toString()).orElseThrow().outbox())
                .isEmpty());
    }

    private List<PetitionEvent> receivedFor(PetitionId petitionId) {
        return listener.received().stream()
                .filter(e -> e.petitionId().equals(petitionId))
                .toList();
    }
}
