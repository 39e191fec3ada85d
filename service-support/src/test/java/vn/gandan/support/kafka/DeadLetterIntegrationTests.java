package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gandan.testsupport.KafkaProbe.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.RecordingBeforeDeadLetter;
import vn.gandan.support.testapp.RecordingListener;
import vn.gandan.testsupport.KafkaProbe;

/**
 * Records a listener cannot use end on the group's dead-letter topic with the reason, and the listener goes on
 * with the records behind them. Each poison record and the good one after it share a key, hence a partition: the
 * good one arrives only if the listener got past the poison.
 */
@SupportIntegrationTest
class DeadLetterIntegrationTests {

    static final String DEAD_LETTERS = Topics.deadLetter("support-test");
    static final String REASON = KafkaEventsAutoConfiguration.REASON_HEADER;

    static KafkaProbe deadLetters;

    static final PetitionEventCodec codec = new PetitionEventCodec();

    @Autowired
    RecordingListener listener;

    @Autowired
    RecordingBeforeDeadLetter beforeDeadLetter;

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Value("${gandan.kafka.retry-attempts}")
    int retryAttempts;

    @BeforeAll
    static void readDeadLetters() {
        deadLetters = KafkaProbe.reading(DEAD_LETTERS);
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    @Test
    void theDeadLetterTopicIsNamedAfterTheGroup() {
        assertThat(DEAD_LETTERS).isEqualTo("gandan.support-test.dlt");
    }

    /**
     * What is wrong, and a fragment of the reason the dead letter must carry: of the root cause, which is also part
     * of the {@code UnreadableEventException}'s own message.
     */
    static Stream<Arguments> poison() {
        return Stream.of(
                Arguments.of(
                        "plain text without CloudEvents headers",
                        false,
                        null,
                        "hello, this is not an event",
                        "Unknown encoding"),
                Arguments.of(
                        "an unknown ce_type",
                        true,
                        "vn.gandan.petition.exploded.v9",
                        "{}",
                        "unknown event type: vn.gandan.petition.exploded.v9"),
                Arguments.of(
                        "a malformed JSON payload",
                        true,
                        "vn.gandan.petition.submitted.v1",
                        "{\"eventId\": \"3f6c2a1e-8b4d-4c7a-9e21",
                        "Unexpected end-of-input"),
                Arguments.of(
                        "a payload whose ids contradict ce_id",
                        true,
                        "vn.gandan.petition.submitted.v1",
                        null,
                        "ce_id/ce_subject do not match the payload"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void anUnreadableRecordIsDeadLetteredWithItsReasonAndTheListenerMovesOn(
            String what, boolean cloudEventHeaders, String type, String value, String reason) {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted good = SampleEvents.submitted(petitionId);
        byte[] poisonValue = value != null
                ? value.getBytes(StandardCharsets.UTF_8)
                : codec.toJson(SampleEvents.submitted(PetitionId.random()));
        Map<String, String> headers = new LinkedHashMap<>();
        if (cloudEventHeaders) {
            headers.put("ce_specversion", "1.0");
            headers.put("ce_id", "7d1f3b0e-5a2c-4e8f-b6d9-0c4a8e2f1b37");
            headers.put("ce_type", type);
            headers.put("ce_source", "/gandan/intake");
            headers.put("ce_subject", petitionId.toString());
            headers.put("content-type", "application/json");
        }

        deadLetters.send(Topics.INTAKE_PETITIONS, petitionId.toString(), poisonValue, headers);
        sendLikeAForeignProducer(good);

        ConsumerRecord<String, byte[]> dead =
                deadLetters.await(KafkaProbe.withKey(petitionId.toString()), Duration.ofSeconds(20));
        assertThat(dead.value()).as("the original bytes").isEqualTo(poisonValue);
        assertThat(dead.headers().headers(REASON)).hasSize(1);
        assertThat(header(dead, REASON)).hasValueSatisfying(r -> assertThat(r).contains(reason));
        // Unreadable, hence not retried: spring-kafka's headers name the deserialization failure and its cause.
        assertThat(header(dead, "kafka_dlt-exception-fqcn"))
                .contains("org.springframework.kafka.support.serializer.DeserializationException");
        assertThat(header(dead, "kafka_dlt-exception-stacktrace"))
                .hasValueSatisfying(trace -> assertThat(trace).contains("vn.gandan.events.UnreadableEventException"));
        assertThat(header(dead, "kafka_dlt-original-topic")).contains(Topics.INTAKE_PETITIONS);
        assertThat(header(dead, "kafka_dlt-original-consumer-group")).contains("support-test");
        if (cloudEventHeaders) {
            assertThat(dead.headers().headers("ce_id")).hasSize(1);
            assertThat(header(dead, "ce_type")).contains(type);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(petitionId), events -> !events.isEmpty());
        assertThat(receivedFor(petitionId)).containsExactly(good);
        assertThat(deadLetters.recordsWithKey(petitionId.toString(), Duration.ofMillis(300)))
                .as("only the poison is dead-lettered")
                .hasSize(1);
    }

    @Test
    void aFailingListenerIsRetriedThenTheEventIsDeadLetteredWithOneCeId() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted refused = SampleEvents.submitted(petitionId);
        listener.refuse(petitionId.toString());
        try {
            kafka.send(Topics.INTAKE_PETITIONS, petitionId.toString(), refused).join();

            ConsumerRecord<String, byte[]> dead =
                    deadLetters.await(KafkaProbe.withKey(petitionId.toString()), Duration.ofSeconds(20));
            assertThat(listener.deliveries(refused.eventId().toString()))
                    .as("the first delivery and its retries")
                    .isEqualTo(1 + retryAttempts);
            assertThat(dead.headers().headers("ce_id")).hasSize(1);
            assertThat(header(dead, "ce_id")).contains(refused.eventId().toString());
            assertThat(dead.headers().headers("ce_type")).hasSize(1);
            assertThat(header(dead, "ce_type")).contains("vn.gandan.petition.submitted.v1");
            assertThat(header(dead, "ce_subject")).contains(petitionId.toString());
            assertThat(dead.headers().headers("content-type")).hasSize(1);
            assertThat(dead.value()).isEqualTo(codec.toJson(refused));
            assertThat(header(dead, REASON)).contains("test listener refuses petition " + petitionId);
            assertThat(header(dead, "kafka_dlt-exception-message"))
                    .hasValueSatisfying(m -> assertThat(m).contains("test listener refuses petition " + petitionId));
            assertThat(header(dead, "kafka_dlt-original-topic")).contains(Topics.INTAKE_PETITIONS);
            assertThat(beforeDeadLetter.calls(petitionId.toString()))
                    .as("the service's step ran before the dead letter")
                    .isEqualTo(1);
        } finally {
            listener.accept(petitionId.toString());
        }

        PetitionSubmitted next = SampleEvents.resubmittedForTriage(refused);
        kafka.send(Topics.INTAKE_PETITIONS, petitionId.toString(), next).join();
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(petitionId), events -> !events.isEmpty());
        assertThat(receivedFor(petitionId)).containsExactly(next);
        assertThat(listener.deliveries(next.eventId().toString())).isEqualTo(1);
    }

    @Test
    void aFailedStepBeforeTheDeadLetterHoldsTheRecordBackUntilItSucceeds() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted refused = SampleEvents.submitted(petitionId);
        listener.refuse(petitionId.toString());
        beforeDeadLetter.failFor(petitionId.toString(), 2);
        try {
            kafka.send(Topics.INTAKE_PETITIONS, petitionId.toString(), refused).join();

            deadLetters.await(KafkaProbe.withKey(petitionId.toString()), Duration.ofSeconds(30));
            assertThat(beforeDeadLetter.calls(petitionId.toString()))
                    .as("two failed steps, then the one after which the dead letter was written")
                    .isEqualTo(3);
            assertThat(listener.deliveries(refused.eventId().toString()))
                    .as("a failed recovery gives the record back to the listener")
                    .isGreaterThan(1 + retryAttempts);
            assertThat(deadLetters.recordsWithKey(petitionId.toString(), Duration.ofMillis(500)))
                    .as("dead-lettered once")
                    .hasSize(1);
        } finally {
            listener.accept(petitionId.toString());
        }
    }

    @Test
    void aRecordHeldUpByAStoreOutageIsRetriedPastTheLimitAndNeverDeadLettered() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        int failures = retryAttempts + 3;
        listener.storeDownFor(petitionId.toString(), failures);
        kafka.send(Topics.INTAKE_PETITIONS, petitionId.toString(), event).join();

        await().atMost(Duration.ofSeconds(60)).until(() -> receivedFor(petitionId), events -> !events.isEmpty());
        assertThat(receivedFor(petitionId)).containsExactly(event);
        assertThat(listener.deliveries(event.eventId().toString())).isEqualTo(failures + 1);
        assertThat(deadLetters.recordsWithKey(petitionId.toString(), Duration.ofSeconds(2)))
                .as("an outage is not the record's fault")
                .isEmpty();
    }

    /** Binary-mode CloudEvents headers written by hand, as a producer outside this code base would. */
    private void sendLikeAForeignProducer(PetitionSubmitted event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_type", event.type().typeName());
        headers.put("ce_source", event.type().source().toString());
        headers.put("ce_subject", event.petitionId().toString());
        headers.put("ce_time", event.occurredAt().atOffset(ZoneOffset.UTC).toString());
        headers.put("content-type", "application/json");
        deadLetters.send(Topics.INTAKE_PETITIONS, event.petitionId().toString(), codec.toJson(event), headers);
    }

    private List<PetitionEvent> receivedFor(PetitionId petitionId) {
        return listener.received().stream()
                .filter(e -> e.petitionId().equals(petitionId))
                .toList();
    }
}
