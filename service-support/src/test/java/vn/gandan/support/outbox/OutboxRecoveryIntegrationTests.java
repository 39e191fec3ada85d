package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
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
 * What the relay does when the happy path broke: a hint lost by a crash, a hint leased by another instance. This
 * context's relay thread sleeps (an hour's poll interval, and nothing here wakes it), so the test drives {@link
 * OutboxRelay#relayOnce()} itself and sees each round's effect. Its own database keeps other contexts' relays away
 * from these aggregates, and its listener stays stopped so it takes no partitions from the shared context's.
 */
@SpringBootTest(
        classes = SupportTestApplication.class,
        properties = {
            "gandan.outbox.sweep-interval=" + OutboxRecoveryIntegrationTests.SWEEP_MILLIS + "ms",
            "gandan.outbox.poll-interval=1h",
            "spring.kafka.listener.auto-startup=false",
            "spring.mongodb.database=gandan_support_recovery"
        })
@RealInfrastructure
class OutboxRecoveryIntegrationTests {

    static final long SWEEP_MILLIS = 1000;

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

    @Test
    void theSweepFindsPendingEventsWhoseHintWasNeverWritten() throws InterruptedException {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        // A sweep now, so the next one is a whole interval away.
        Thread.sleep(SWEEP_MILLIS + 50);
        relay.relayOnce();
        Instant swept = Instant.now();

        // The service saved its aggregate and crashed before the hint: a raw write, no Spring Data event.
        insertAggregateRaw(petitionId, event);

        assertThat(relay.relayOnce()).as("a round before the next sweep").isZero();
        assertThat(Duration.between(swept, Instant.now()))
                .as("the round above ran before the sweep was due, or it proves nothing")
                .isLessThan(Duration.ofMillis(SWEEP_MILLIS));
        assertThat(hintFor(petitionId)).isNull();
        assertThat(outboxOf(petitionId)).hasSize(1);

        Thread.sleep(Math.max(
                0, SWEEP_MILLIS + 50 - Duration.between(swept, Instant.now()).toMillis()));
        assertThat(relay.relayOnce()).as("the round with the sweep").isEqualTo(1);

        var record = intake.await(withKey(petitionId.toString()), Duration.ofSeconds(10));
        assertThat(header(record, "ce_id")).contains(event.eventId().toString());
        assertThat(header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
        assertThat(record.value()).isEqualTo(codec.toJson(event));
        assertThat(outboxOf(petitionId)).isEmpty();
        assertThat(hintFor(petitionId)).isNull();
        assertThat(intake.recordsWithKey(petitionId.toString(), Duration.ofMillis(500)))
                .hasSize(1);
    }

    @Test
    void aHintLeasedByAnotherRelayWaitsForTheLeaseToExpire() throws InterruptedException {
        PetitionId petitionId = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        Instant leaseUntil = Instant.now().plusMillis(2500);
        // Another instance claimed the hint and is (supposedly) publishing; hint first, so no sweep runs between.
        mongo.getCollection(OutboxHints.COLLECTION)
                .insertOne(new Document("_id", TestPetition.COLLECTION + "/" + petitionId)
                        .append("collection", TestPetition.COLLECTION)
                        .append("aggregateId", petitionId.toString())
                        .append("createdAt", Date.from(Instant.now()))
                        .append("leaseUntil", Date.from(leaseUntil))
                        .append("owner", "relay-on-another-instance"));
        insertAggregateRaw(petitionId, event);

        assertThat(relay.relayOnce()).isZero();
        Thread.sleep(SWEEP_MILLIS + 50);
        assertThat(relay.relayOnce())
                .as("a round with a sweep, lease still held")
                .isZero();
        assertThat(Instant.now()).isBefore(leaseUntil);
        assertThat(intake.recordsWithKey(petitionId.toString(), Duration.ofMillis(300)))
                .isEmpty();
        Document hint = hintFor(petitionId);
        assertThat(hint).isNotNull();
        assertThat(hint.getString("owner")).isEqualTo("relay-on-another-instance");
        assertThat(outboxOf(petitionId)).hasSize(1);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), leaseUntil).toMillis() + 50));
        assertThat(relay.relayOnce()).as("the round after the lease expired").isEqualTo(1);

        var record = intake.await(withKey(petitionId.toString()), Duration.ofSeconds(10));
        assertThat(header(record, "ce_id")).contains(event.eventId().toString());
        assertThat(outboxOf(petitionId)).isEmpty();
        assertThat(hintFor(petitionId)).isNull();
    }

    @Test
    void oneRoundRelaysEveryFreeHintInOrderAndLeavesThoseAnotherRelayHolds() {
        PetitionId first = PetitionId.random();
        PetitionId second = PetitionId.random();
        PetitionId held = PetitionId.random();
        PetitionSubmitted submitted = SampleEvents.submitted(first);
        PetitionSubmitted flagged = SampleEvents.resubmittedForTriage(submitted);
        insertAggregateRaw(first, submitted, flagged);
        insertAggregateRaw(second, SampleEvents.submitted(second));
        insertAggregateRaw(held, SampleEvents.submitted(held));
        insertHint(first, null);
        insertHint(second, null);
        insertHint(held, Instant.now().plusSeconds(60));

        assertThat(relay.relayOnce()).as("the free hints, in one round").isEqualTo(2);

        intake.await(withKey(second.toString()), Duration.ofSeconds(10));
        assertThat(intake.recordsWithKey(first.toString(), Duration.ofMillis(500)).stream()
                        .map(r -> header(r, "ce_id").orElseThrow()))
                .as("one aggregate's events in the order it recorded them")
                .containsExactly(
                        submitted.eventId().toString(), flagged.eventId().toString());
        assertThat(outboxOf(first)).isEmpty();
        assertThat(outboxOf(second)).isEmpty();
        assertThat(hintFor(first)).isNull();
        assertThat(hintFor(second)).isNull();
        assertThat(intake.recordsWithKey(held.toString(), Duration.ofMillis(300)))
                .isEmpty();
        assertThat(outboxOf(held)).hasSize(1);
        assertThat(hintFor(held).getString("owner")).isEqualTo("relay-on-another-instance");
        mongo.remove(query(where("aggregateId").is(held.toString())), OutboxHints.COLLECTION);
        mongo.remove(query(where("_id").is(held.toString())), TestPetition.COLLECTION);
    }

    private void insertHint(PetitionId petitionId, Instant leasedUntil) {
        Document hint = new Document("_id", TestPetition.COLLECTION + "/" + petitionId)
                .append("collection", TestPetition.COLLECTION)
                .append("aggregateId", petitionId.toString())
                .append("createdAt", Date.from(Instant.now()));
        if (leasedUntil != null) {
            hint.append("leaseUntil", Date.from(leasedUntil)).append("owner", "relay-on-another-instance");
        }
        mongo.getCollection(OutboxHints.COLLECTION).insertOne(hint);
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

    private Document hintFor(PetitionId petitionId) {
        return mongo.findOne(
                query(where("aggregateId").is(petitionId.toString())), Document.class, OutboxHints.COLLECTION);
    }

    private List<?> outboxOf(PetitionId petitionId) {
        Document aggregate = mongo.getCollection(TestPetition.COLLECTION)
                .find(new Document("_id", petitionId.toString()))
                .first();
        assertThat(aggregate).isNotNull();
        return aggregate.getList(OutboxEntry.FIELD, Object.class);
    }
}
