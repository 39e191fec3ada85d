package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gandan.testsupport.KafkaProbe.header;
import static vn.gandan.testsupport.KafkaProbe.withKey;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.testapp.SupportTestApplication;
import vn.gandan.support.testapp.TestPetition;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * What the relay does when the happy path broke: events saved by an instance that crashed before relaying them,
 * and a relay too full (a long Kafka outage) to keep the names of more. This context's relay thread is stopped, so
 * the test drives {@link OutboxRelay#relayOnce()} itself and sees each round's effect. Its own database keeps other contexts' relays away from these aggregates, and its
 * listener stays stopped so it takes no partitions from the shared context's.
 */
@SpringBootTest(
        classes = SupportTestApplication.class,
        properties = {
            "gandan.outbox.sweep-interval=" + OutboxRecoveryIntegrationTests.SWEEP_MILLIS + "ms",
            "gandan.outbox.max-pending=" + OutboxRecoveryIntegrationTests.MAX_PENDING,
            "spring.kafka.listener.auto-startup=false",
            "spring.mongodb.database=gandan_support_recovery"
        })
@RealInfrastructure
class OutboxRecoveryIntegrationTests {

    static final long SWEEP_MILLIS = 1000;
    static final int MAX_PENDING = 2;

    static KafkaProbe intake;

    final PetitionEventCodec codec = new PetitionEventCodec();

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void readTopic() {
        intake = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intake.close();
    }

    @BeforeEach
    void stopTheRelayThread() {
        relay.stop();
    }

    @Test
    void theSweepFindsEventsThatNoRelayKnowsOf() throws InterruptedException {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        Instant swept = sweepNow();

        // The service saved its aggregate and crashed before relaying it: a raw write, no Spring Data event.
        insertAggregateRaw(petitionId, event);

        assertThat(relay.relayOnce()).as("a round before the next sweep").isZero();
        assertBeforeTheNextSweep(swept);
        assertThat(outboxOf(petitionId)).hasSize(1);

        Thread.sleep(Math.max(
                0, SWEEP_MILLIS + 50 - Duration.between(swept, Instant.now()).toMillis()));
        assertThat(relay.relayOnce()).as("the round with the sweep").isEqualTo(1);

        var record = intake.await(withKey(petitionId.toString()), Duration.ofSeconds(10));
        assertThat(header(record, "ce_id")).contains(event.eventId().toString());
        assertThat(header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(record.value()).isEqualTo(codec.toJson(event));
        assertThat(outboxOf(petitionId)).isEmpty();
        assertThat(intake.recordsWithKey(petitionId.toString(), Duration.ofMillis(500)))
                .hasSize(1);
    }

    @Test
    void oneRoundRelaysEveryNamedAggregateEachInItsOrder() throws InterruptedException {
        PetitionId first = PetitionId.random();
        PetitionId second = PetitionId.random();
        PetitionSubmitted submitted = SampleEvents.submitted(first);
        PetitionSubmitted flagged = SampleEvents.resubmittedForTriage(submitted);
        Instant swept = sweepNow();
        insertAggregateRaw(first, submitted, flagged);
        insertAggregateRaw(second, SampleEvents.submitted(second));
        relay.pending(TestPetition.COLLECTION, first.toString());
        relay.pending(TestPetition.COLLECTION, second.toString());

        assertThat(relay.relayOnce()).as("both, in one round").isEqualTo(2);
        assertBeforeTheNextSweep(swept);

        intake.await(withKey(second.toString()), Duration.ofSeconds(10));
        assertThat(intake.recordsWithKey(first.toString(), Duration.ofMillis(500)).stream()
                        .map(r -> header(r, "ce_id").orElseThrow()))
                .as("one aggregate's events in the order it recorded them")
                .containsExactly(
                        submitted.eventId().toString(), flagged.eventId().toString());
        assertThat(outboxOf(first)).isEmpty();
        assertThat(outboxOf(second)).isEmpty();
        assertThat(relay.relayOnce()).as("nothing left").isZero();
    }

    @Test
    void aFullRelayTurnsNamesAwayAndSweepsForThemOnceItCaughtUp() throws InterruptedException {
        List<PetitionId> ids = List.of(PetitionId.random(), PetitionId.random(), PetitionId.random());
        Instant swept = sweepNow();
        for (PetitionId id : ids) {
            insertAggregateRaw(id, SampleEvents.submitted(id));
            relay.pending(TestPetition.COLLECTION, id.toString());
        }

        assertThat(relay.relayOnce()).as("the names it kept").isEqualTo(MAX_PENDING);
        assertThat(outboxOf(ids.get(2))).as("the one turned away").hasSize(1);
        assertThat(relay.relayOnce()).as("the round that sweeps for it").isEqualTo(1);
        assertBeforeTheNextSweep(swept);

        for (PetitionId id : ids) {
            intake.await(withKey(id.toString()), Duration.ofSeconds(10));
            assertThat(outboxOf(id)).isEmpty();
        }
        assertThat(intake.recordsWithKey(ids.get(2).toString(), Duration.ofMillis(500)))
                .hasSize(1);
    }

    /** A sweep now, so the next one is a whole interval away. */
    private Instant sweepNow() throws InterruptedException {
        Thread.sleep(SWEEP_MILLIS + 50);
        relay.relayOnce();
        return Instant.now();
    }

    private static void assertBeforeTheNextSweep(Instant swept) {
        assertThat(Duration.between(swept, Instant.now()))
                .as("the rounds above ran before the periodic sweep was due, or they prove nothing")
                .isLessThan(Duration.ofMillis(SWEEP_MILLIS));
    }

    private void insertAggregateRaw(PetitionId petitionId, PetitionSubmitted... events) {
        List<Document> entries = Stream.of(events)
                .map(OutboxEntry::of)
                .map(entry -> new Document("eventId", entry.eventId())
                        .append("type", entry.type())
                        .append("petitionId", entry.petitionId())
                        .append("occurredAt", Date.from(entry.occurredAt()))
                        .append("payload", entry.payload()))
                .toList();
        mongo.getCollection(TestPetition.COLLECTION)
                .insertOne(new Document("_id", petitionId.toString())
                        .append("trackingCode", events[0].trackingCode())
                        .append("status", "submitted")
                        .append(OutboxEntry.FIELD, entries)
                        .append("_class", TestPetition.class.getName()));
    }

    private List<?> outboxOf(PetitionId petitionId) {
        Document aggregate = mongo.getCollection(TestPetition.COLLECTION)
                .find(new Document("_id", petitionId.toString()))
                .first();
        assertThat(aggregate).isNotNull();
        return aggregate.getList(OutboxEntry.FIELD, Object.class);
    }
}
