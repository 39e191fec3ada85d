package vn.gandan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gandan.testsupport.KafkaProbe.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.BatchRecordingListener;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.OnePoll;

/**
 * A listener that takes a poll at once keeps the guarantees of one that takes a record ({@link
 * DeadLetterIntegrationTests}): what it cannot use is dead-lettered with its reason, alone, and the records around
 * it are written; an outage is waited out. Records that must meet in one batch share a key, hence a partition.
 */
@SupportIntegrationTest
class BatchDeadLetterIntegrationTests {

    static final String REASON = KafkaEventsAutoConfiguration.REASON_HEADER;

    static KafkaProbe deadLetters;

    @Autowired
    BatchRecordingListener listener;

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    KafkaListenerEndpointRegistry containers;

    @Value("${gandan.kafka.retry-attempts}")
    int retryAttempts;

    @BeforeAll
    static void readDeadLetters() {
        deadLetters = KafkaProbe.reading(Topics.deadLetter("support-test"));
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    @Test
    void anUnreadableRecordInABatchIsDeadLetteredWithItsBytesAndTheRecordsAroundItAreWritten() {
        String key = PetitionId.random().toString();
        byte[] poison = "hello, this is not an event".getBytes(StandardCharsets.UTF_8);
        PetitionSubmitted before = SampleEvents.submitted(PetitionId.random());
        PetitionSubmitted good = SampleEvents.submitted(PetitionId.random());

        inOneBatch(() -> {
            kafka.send(Topics.ROUTING_CASES, key, before).join();
            deadLetters.send(Topics.ROUTING_CASES, key, poison, Map.of());
            kafka.send(Topics.ROUTING_CASES, key, good).join();
        });

        ConsumerRecord<String, byte[]> dead = deadLetters.await(KafkaProbe.withKey(key), Duration.ofSeconds(20));
        assertThat(dead.value()).as("the original bytes").isEqualTo(poison);
        assertThat(header(dead, REASON)).hasValueSatisfying(r -> assertThat(r).contains("Unknown encoding"));
        assertThat(header(dead, "kafka_dlt-exception-stacktrace"))
                .hasValueSatisfying(trace -> assertThat(trace).contains("DeserializationException"));
        assertThat(header(dead, "kafka_dlt-original-topic")).contains(Topics.ROUTING_CASES);
        assertThat(header(dead, "kafka_dlt-original-consumer-group")).contains("support-test-batch");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> listener.stored(good.eventId().toString()));
        assertThat(listener.stored(before.eventId().toString()))
                .as("written before the batch failed at the poison")
                .isTrue();
        assertThat(listener.deliveries(before.eventId().toString()))
                .as("committed with the poison's failure, never given again")
                .isEqualTo(1);
        assertThat(deadLetters.recordsWithKey(key, Duration.ofMillis(300)))
                .as("only the poison is dead-lettered")
                .hasSize(1);
    }

    @Test
    void aWriteTheStoreRefusesFailsTheBatchAtItsOwnRecordOnly() {
        String key = PetitionId.random().toString();
        PetitionSubmitted before = SampleEvents.submitted(PetitionId.random());
        PetitionSubmitted refused = SampleEvents.submitted(PetitionId.random());
        PetitionSubmitted after = SampleEvents.submitted(PetitionId.random());
        listener.refuse(refused.petitionId().toString());
        try {
            inOneBatch(() -> {
                kafka.send(Topics.ROUTING_CASES, key, before);
                kafka.send(Topics.ROUTING_CASES, key, refused);
                kafka.send(Topics.ROUTING_CASES, key, after).join();
            });

            ConsumerRecord<String, byte[]> dead = deadLetters.await(KafkaProbe.withKey(key), Duration.ofSeconds(30));
            assertThat(header(dead, "ce_id")).contains(refused.eventId().toString());
            assertThat(header(dead, REASON))
                    .hasValueSatisfying(r -> assertThat(r).containsIgnoringCase("duplicate key"));
            assertThat(listener.deliveries(refused.eventId().toString()))
                    .as("the first delivery and its retries")
                    .isEqualTo(1 + retryAttempts);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> listener.stored(after.eventId().toString()));
            assertThat(listener.stored(before.eventId().toString())).isTrue();
            assertThat(listener.deliveries(before.eventId().toString()))
                    .as("written before the refused one, hence committed, never given again")
                    .isEqualTo(1);
            assertThat(deadLetters.recordsWithKey(key, Duration.ofMillis(300)))
                    .as("only the refused one is dead-lettered")
                    .hasSize(1);
        } finally {
            listener.accept(refused.petitionId().toString());
        }
    }

    /** The listener paused while {@code sends} run, so that its next poll brings all their records at once. */
    private void inOneBatch(Runnable sends) {
        OnePoll.of(containers, BatchRecordingListener.ID, sends);
    }

    @Test
    void aBatchHeldUpByAStoreOutageIsRetriedPastTheLimitAndNeverDeadLettered() {
        heldUpByAnOutage((petition, failures) -> listener.storeDownFor(petition, failures));
    }

    @Test
    void aBatchThatCannotReadAheadIsRetriedPastTheLimitAndNeverDeadLettered() {
        heldUpByAnOutage((petition, failures) -> listener.storeUnreadableFor(petition, failures));
    }

    private void heldUpByAnOutage(java.util.function.ObjIntConsumer<String> outage) {
        PetitionSubmitted event = SampleEvents.submitted(PetitionId.random());
        int failures = retryAttempts + 3;
        outage.accept(event.petitionId().toString(), failures);
        kafka.send(Topics.ROUTING_CASES, event.petitionId().toString(), event).join();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> listener.stored(event.eventId().toString()));
        assertThat(listener.deliveries(event.eventId().toString())).isEqualTo(failures + 1);
        assertThat(deadLetters.recordsWithKey(event.petitionId().toString(), Duration.ofSeconds(2)))
                .as("an outage is not the record's fault")
                .isEmpty();
    }
}
