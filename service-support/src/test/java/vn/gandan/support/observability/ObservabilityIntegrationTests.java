package vn.gandan.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gandan.testsupport.KafkaProbe.header;
import static vn.gandan.testsupport.KafkaProbe.withKey;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.BatchRecordingListener;
import vn.gandan.support.testapp.RecordingListener;
import vn.gandan.support.testapp.TestPetition;
import vn.gandan.support.testapp.TestPetitions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.OnePoll;

/**
 * What a service shows of itself: a trace that crosses the outbox and the broker into a listener, and the meters
 * on {@code /actuator/prometheus}, each tagged with the service and the province.
 */
@SupportIntegrationTest
class ObservabilityIntegrationTests {

    static KafkaProbe intake;

    @Autowired
    Tracer tracer;

    @Autowired
    TestPetitions petitions;

    @Autowired
    RecordingListener listener;

    @Autowired
    BatchRecordingListener batchListener;

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    KafkaListenerEndpointRegistry containers;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopic() {
        intake = KafkaProbe.reading(Topics.INTAKE_PETITIONS, Topics.deadLetter("support-test"));
    }

    @AfterAll
    static void close() {
        intake.close();
    }

    @Test
    void anEventRecordedInATraceIsPublishedAndHandledInThatTrace() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        Span request = tracer.nextSpan().name("a request").start();
        TestPetition saved;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            saved = petitions.save(
                    new TestPetition(petitionId.toString(), event.trackingCode(), "submitted").raise(event));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(saved.outbox()).singleElement().satisfies(entry -> assertThat(entry.traceparent())
                .startsWith("00-" + traceId + "-" + request.context().spanId() + "-"));

        // Published later, by the relay's thread, still in the request's trace, as a child span of it.
        ConsumerRecord<String, byte[]> record = intake.await(withKey(petitionId.toString()), Duration.ofSeconds(20));
        assertThat(record.headers().headers(StoredTrace.TRACEPARENT)).hasSize(1);
        String[] parent = header(record, StoredTrace.TRACEPARENT).orElseThrow().split("-");
        assertThat(parent[1]).isEqualTo(traceId);
        assertThat(parent[2]).isNotEqualTo(request.context().spanId());

        // The listener ran inside that trace: what it records (an outbox entry, say) carries it on.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> listener.traceOf(event.eventId().toString()), Optional::isPresent);
        assertThat(listener.traceOf(event.eventId().toString()).orElseThrow().split("-")[1])
                .isEqualTo(traceId);
    }

    /**
     * spring-kafka observes record listeners only; {@link vn.gandan.support.kafka.EventBatches} observes each record
     * of a batch as they would be, so two petitions polled together stay in their own traces and are timed as
     * consumed.
     */
    @Test
    void eachRecordOfABatchIsHandledInItsOwnTrace() {
        String key = PetitionId.random().toString();
        PetitionSubmitted first = SampleEvents.submitted(PetitionId.random());
        PetitionSubmitted second = SampleEvents.submitted(PetitionId.random());
        Span firstRequest = tracer.nextSpan().name("first request").start();
        Span secondRequest = tracer.nextSpan().name("second request").start();

        OnePoll.of(containers, BatchRecordingListener.ID, () -> {
            sendIn(firstRequest, key, first);
            sendIn(secondRequest, key, second);
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> batchListener.traceOf(second.eventId().toString()), Optional::isPresent);
        assertThat(batchListener
                        .traceOf(first.eventId().toString())
                        .orElseThrow()
                        .split("-")[1])
                .isEqualTo(firstRequest.context().traceId());
        assertThat(batchListener
                        .traceOf(second.eventId().toString())
                        .orElseThrow()
                        .split("-")[1])
                .isEqualTo(secondRequest.context().traceId());
        assertThat(lines(scrape(), "spring_kafka_listener_seconds_count")).anySatisfy(line -> assertThat(line)
                .contains("spring_kafka_listener_id=\"" + BatchRecordingListener.ID + "\"")
                .contains("messaging_source_name=\"" + Topics.ROUTING_CASES + "\""));
    }

    private void sendIn(Span request, String key, PetitionSubmitted event) {
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            kafka.send(Topics.ROUTING_CASES, key, event).join();
        } finally {
            request.end();
        }
    }

    @Test
    void anEventRecordedOutsideAnyTraceStartsOne() {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);

        TestPetition saved =
                petitions.save(new TestPetition(petitionId.toString(), event.trackingCode(), "submitted").raise(event));

        assertThat(saved.outbox()).singleElement().satisfies(entry -> assertThat(entry.traceparent())
                .isNull());
        ConsumerRecord<String, byte[]> record = intake.await(withKey(petitionId.toString()), Duration.ofSeconds(20));
        assertThat(header(record, StoredTrace.TRACEPARENT))
                .hasValueSatisfying(value -> assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]"));
    }

    @Test
    void everyMeterIsTaggedWithTheServiceAndTheProvince() {
        // Something for each meter to have seen: a request, a relayed and consumed event.
        assertThat(http().get("/api/v1/whoami").status()).isEqualTo(401);
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        petitions.save(new TestPetition(petitionId.toString(), event.trackingCode(), "submitted").raise(event));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> listener.received().stream().anyMatch(e -> e.equals(event)));

        List<String> expected = List.of(
                "http_server_requests_seconds_count",
                "spring_kafka_listener_seconds_count",
                "spring_kafka_template_seconds_count",
                "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_consumer_fetch_manager_records_consumed_total",
                "kafka_producer_record_send_total",
                "gandan_outbox_pending",
                "gandan_outbox_oldest_age_seconds",
                "gandan_outbox_published_total",
                "gandan_outbox_relay_seconds_count");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            for (String name : expected) {
                assertThat(lines(scrape, name)).as(name).isNotEmpty().allSatisfy(line -> assertThat(line)
                        .contains("service=\"support-test\"")
                        .contains("province=\"all\""));
            }
        });
        assertThat(lines(scrape(), "gandan_outbox_relay_seconds_count"))
                .anySatisfy(line -> assertThat(line).contains("topic=\"" + Topics.INTAKE_PETITIONS + "\""));
    }

    @Test
    void aDeadLetterIsCountedByItsSourceTopic() {
        double before = value(scrape(), "gandan_kafka_dead_letters_total", "topic=\"" + Topics.INTAKE_PETITIONS + "\"");

        String key = intake.sendPoison(Topics.INTAKE_PETITIONS);
        intake.await(
                r -> r.topic().equals(Topics.deadLetter("support-test")) && key.equals(r.key()),
                Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        value(scrape(), "gandan_kafka_dead_letters_total", "topic=\"" + Topics.INTAKE_PETITIONS + "\""))
                .isEqualTo(before + 1));
    }

    private Http http() {
        return Http.at(port);
    }

    private String scrape() {
        Http.Response response = http().get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The samples of one metric, labels and value. */
    private static List<String> lines(String scrape, String name) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .toList();
    }

    /** The value of the one sample of a metric with this label, 0 before it was first counted. */
    private static double value(String scrape, String name, String label) {
        return lines(scrape, name).stream()
                .filter(line -> line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
