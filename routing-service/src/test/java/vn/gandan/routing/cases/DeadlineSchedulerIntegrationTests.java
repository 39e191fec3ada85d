package vn.gandan.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.routing.Submissions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.MutableClock;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The legal clock and its scheduler on real Kafka and MongoDB, with time moved by hand: a deadline across Tết
 * counted in working days, each alert emitted once per case and deadline by several scheduler instances at once
 * and after a restart, and an offline petition that arrives long overdue.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The test drives the rounds itself; the context's own scheduler stays out of the way.
        properties = "gandan.routing.cases.poll-interval=1h")
@ActiveProfiles("local")
@RealInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlineSchedulerIntegrationTests {

    /** Thursday 12 February 2026, 10:00 in Viet Nam: the last working day before Tết (16–20 February off). */
    static final Instant BEFORE_TET = Instant.parse("2026-02-12T03:00:00Z");

    static final MutableClock clock = new MutableClock(BEFORE_TET);

    static KafkaProbe casesTopic;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    Cases cases;

    @Autowired
    CaseTimers timers;

    @Autowired
    CaseDeadlines deadlines;

    @Autowired
    CaseWriter writer;

    @Autowired
    CasesProperties properties;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTopics() {
        casesTopic = KafkaProbe.reading(Topics.ROUTING_CASES);
    }

    @AfterAll
    static void close() {
        casesTopic.close();
    }

    /** Another instance of the service (or this one after a restart): its own owner id, the same store. */
    DeadlineScheduler anotherInstance() {
        return new DeadlineScheduler(cases, timers, deadlines, writer, properties, clock);
    }

    String publish(PetitionSubmitted event) throws Exception {
        kafka.send(Topics.INTAKE_PETITIONS, event.petitionId().toString(), event)
                .get();
        return event.petitionId().toString();
    }

    List<String> typesFor(String id, Duration during) {
        return casesTopic.recordsWithKey(id, during).stream()
                .map(r -> KafkaProbe.header(r, "ce_type").orElseThrow())
                .map(t -> t.substring("vn.gandan.petition.".length(), t.length() - ".v1".length()))
                .toList();
    }

    ConsumerRecord<String, byte[]> awaitType(String id, String type) {
        return casesTopic.await(
                r -> id.equals(r.key())
                        && KafkaProbe.header(r, "ce_type").orElse("").equals("vn.gandan.petition." + type + ".v1"),
                Duration.ofSeconds(20));
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JsonMapper.builder().build().readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    JsonNode view(String id) {
        return Http.at(port)
                .withBasic("operator", "operator")
                .get("/api/v1/cases/" + id)
                .json();
    }

    @Test
    @Order(1)
    void aDeadlineAcrossTetIsCountedInWorkingDaysAndEachAlertLeavesOnce() throws Exception {
        String id = publish(Submissions.floodedCrossroads(BEFORE_TET));

        // 10 working days from Thursday 12 February: Fri 13 is the first; 16–20 are Tết; Thursday 5 March the 10th.
        JsonNode routed = json(awaitType(id, "routed"));
        assertThat(routed.get("deadline").get("dueAt").asString()).isEqualTo("2026-03-05T16:59:59Z");
        assertThat(routed.get("deadline").get("step").asString()).isEqualTo("reply");
        assertThat(view(id).get("deadline").get("dueDate").asString()).isEqualTo("2026-03-05");

        DeadlineScheduler a = anotherInstance();
        DeadlineScheduler b = anotherInstance();
        a.runOnce();
        assertThat(typesFor(id, Duration.ofSeconds(1))).containsExactly("routed");

        // Two days before the end of 5 March: approaching, once, though two instances race for it twice.
        clock.set(Instant.parse("2026-03-03T17:30:00Z"));
        raceAndRepeat(a, b);
        awaitType(id, "deadline_approaching");
        assertThat(typesFor(id, Duration.ofSeconds(2))).containsExactly("routed", "deadline_approaching");

        // Past the end of 5 March: overdue, and escalated to the province's People's Committee, once each.
        clock.set(Instant.parse("2026-03-05T17:00:01Z"));
        raceAndRepeat(a, b);
        JsonNode escalated = json(awaitType(id, "escalated"));
        assertThat(escalated.get("from").get("id").asString()).isEqualTo("ubnd-17605");
        assertThat(escalated.get("to").get("id").asString()).isEqualTo("ubnd-40");
        // The parent gets the same step afresh from the escalation, on Friday 6 March in Viet Nam (00:00:01):
        // 10 working days after it, Monday 9 to Friday 20 March.
        assertThat(escalated.get("deadline").get("dueAt").asString()).isEqualTo("2026-03-20T16:59:59Z");

        // A restart: a new instance, and the scheduler of the context, find nothing more to say.
        anotherInstance().runOnce();
        assertThat(typesFor(id, Duration.ofSeconds(2)))
                .containsExactly("routed", "deadline_approaching", "overdue", "escalated");
        JsonNode now = view(id);
        assertThat(now.get("authority").get("id").asString()).isEqualTo("ubnd-40");
        assertThat(LocalDate.parse(now.get("deadline").get("dueDate").asString()))
                .isEqualTo("2026-03-20");
    }

    @Test
    @Order(2)
    void anOfflinePetitionReceived40DaysAgoArrivesOverdueAndEscalated() throws Exception {
        Instant now = clock.instant();
        String id = publish(Submissions.floodedCrossroads(now.minus(Duration.ofDays(40))));

        awaitType(id, "escalated");
        assertThat(typesFor(id, Duration.ofSeconds(1))).containsExactly("routed", "overdue", "escalated");
        JsonNode view = view(id);
        assertThat(view.get("authority").get("id").asString()).isEqualTo("ubnd-40");
        assertThat(view.get("history").get(1).get("action").asString()).isEqualTo("escalated");
        // Nothing is left for the scheduler to emit about the missed deadline.
        anotherInstance().runOnce();
        assertThat(typesFor(id, Duration.ofSeconds(1))).hasSize(3);
    }

    /** A timer is written before its case: a round that meets it in between keeps it for the case. */
    @Test
    @Order(3)
    void aTimerWhoseCaseIsStillBeingWrittenIsKept() {
        String petitionId = java.util.UUID.randomUUID().toString();
        timers.dueBy(petitionId, clock.instant());

        anotherInstance().runOnce();

        assertThat(timers.due(10_000)).extracting(CaseTimers.Timer::petitionId).contains(petitionId);
    }

    /** Two instances run a round at the same moment, then each runs another. */
    private static void raceAndRepeat(DeadlineScheduler a, DeadlineScheduler b) {
        CompletableFuture.allOf(CompletableFuture.runAsync(a::runOnce), CompletableFuture.runAsync(b::runOnce))
                .join();
        a.runOnce();
        b.runOnce();
    }
}
