package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * A crash between the steps of applying an event: after the timeline took the event and its pending difference
 * but before any bucket moved, and after every bucket moved but before the pending difference was cleared. The
 * start-up sweep and the next event finish the work, each amount counted once; and a record given up on. Province
 * 48 (Đà Nẵng), which no other test reads, and one fresh petition, commune and authority per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class ResolutionProjectorRecoveryIntegrationTests {

    @Autowired
    ResolutionProjector projector;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    final PetitionId id = PetitionId.random();
    final String commune = "it-" + id.toString().substring(0, 8);
    final Place place = new Place("48", commune);
    final AuthorityRef ubnd = new AuthorityRef("it-ubnd-" + commune, "Ủy ban nhân dân thử", "48");
    final Instant received = Instant.parse("2025-05-06T03:00:00Z");

    PetitionSubmitted submitted() {
        return submitted(id);
    }

    /** A petition of the same commune, month and category. */
    PetitionSubmitted submitted(PetitionId petition) {
        return TestEvents.submitted(petition, place, received);
    }

    PetitionRouted routed() {
        return TestEvents.routed(id, ubnd, place, received, Instant.parse("2025-05-09T16:59:59Z"));
    }

    ProjectionVersion version() {
        return versions.active();
    }

    /** The commune's bucket for May 2025 (a scope only this test's petition counts in). */
    Document bucket() {
        Document doc = mongo.findById(
                Buckets.id(Buckets.scope(Dimension.COMMUNE, commune), "2025-05"),
                Document.class,
                version().collection(Buckets.COLLECTION));
        return doc == null ? new Document() : doc;
    }

    PetitionTimeline stored() {
        return mongo.findById(id.toString(), PetitionTimeline.class, version().collection(PetitionTimeline.COLLECTION));
    }

    /** Step 1 of {@link ResolutionProjector#apply} alone: the event and its pending difference written. */
    PetitionTimeline crashAfterTheTimelineWrite(PetitionTimeline timeline, vn.gandan.events.PetitionEvent event) {
        return crashAfterTheTimelineWrite(timeline, event, TestPositions.next());
    }

    PetitionTimeline crashAfterTheTimelineWrite(
            PetitionTimeline timeline, vn.gandan.events.PetitionEvent event, Position at) {
        assertThat(timeline.add(event)).isTrue();
        assertThat(timeline.recount(at)).isTrue();
        return mongo.save(timeline, version().collection(PetitionTimeline.COLLECTION));
    }

    /** Every bucket moved, then a crash before the pending difference was cleared. */
    void crashBeforeThePendingWasCleared(PetitionTimeline timeline) {
        var pending = mongo.findById(id.toString(), Document.class, version().collection(PetitionTimeline.COLLECTION));
        projector.finish(List.of(timeline), version());
        projector.forget(version()); // the crash: what this instance knew it finished is gone with it
        mongo.updateFirst(
                Query.query(where("_id").is(id.toString())),
                new Update().set("pending", pending.get("pending")).set("pendingAt", pending.get("pendingAt")),
                version().collection(PetitionTimeline.COLLECTION));
        assertThat(stored().hasPending()).isTrue();
    }

    Document authorityBucket() {
        return mongo.findById(
                Buckets.id(Buckets.scope(Dimension.AUTHORITY, ubnd.id()), "2025"),
                Document.class,
                version().collection(Buckets.COLLECTION));
    }

    @Test
    void thePendingDifferenceLeftBeforeTheBucketsIsCountedByTheSweep() {
        crashAfterTheTimelineWrite(new PetitionTimeline(id.toString()), submitted());
        assertThat(bucket().get("received")).isNull();
        assertThat(stored().hasPending()).isTrue();

        projector.sweep();

        assertThat(bucket().get("received")).isEqualTo(1L);
        assertThat(bucket().get(Buckets.CHANGES, Document.class).get("2025-05-06", Document.class))
                .containsEntry("received", 1L);
        assertThat(stored().hasPending()).isFalse();
    }

    @Test
    void aDifferenceAppliedToEveryBucketButNotClearedIsNotCountedTwice() {
        projector.apply(submitted(), version(), TestPositions.next());
        crashBeforeThePendingWasCleared(crashAfterTheTimelineWrite(stored(), routed()));
        Document once = bucket();

        projector.sweep(); // as at the next start
        projector.apply(
                routed(), version(), TestPositions.next()); // and a redelivery of another copy changes nothing either

        assertThat(stored().hasPending()).isFalse();
        Document after = bucket();
        assertThat(after.get("received")).isEqualTo(1L);
        assertThat(after.get(Buckets.CHANGES)).isEqualTo(once.get(Buckets.CHANGES));
        assertThat(authorityBucket().get("received"))
                .as("the routing moved the petition to its authority once")
                .isEqualTo(1L);

        projector.apply(
                new PetitionResolved(UUID.randomUUID(), id, received.plusSeconds(86_400), ubnd, "done"),
                version(),
                TestPositions.next());
        assertThat(bucket().get("handled")).isEqualTo(1L);
        assertThat(bucket().get("received")).isEqualTo(1L);
    }

    /**
     * A batch cut short after its timelines were written, before any bucket moved, leaves a difference pending for
     * each of its records, several of one partition. Taken out of order, the later record's mark would shut out the
     * earlier one's difference from the bucket they share; the sweep takes them in the order of their records,
     * whatever order the store returns them in.
     */
    @Test
    void theDifferencesOfABatchCutShortAreTakenInTheOrderOfTheirRecords() {
        Position earlier = TestPositions.next();
        Position later = TestPositions.next();
        PetitionId other = PetitionId.random();
        crashAfterTheTimelineWrite(new PetitionTimeline(other.toString()), submitted(other), earlier);
        crashAfterTheTimelineWrite(new PetitionTimeline(id.toString()), submitted(), earlier);
        // The one the store returns first gets the later record, so that its own order would be the wrong one.
        String timelines = version().collection(PetitionTimeline.COLLECTION);
        List<String> natural =
                mongo.find(Query.query(where("pending").exists(true)), Document.class, timelines).stream()
                        .map(d -> d.getString("_id"))
                        .filter(petition -> petition.equals(id.toString()) || petition.equals(other.toString()))
                        .toList();
        mongo.updateFirst(
                Query.query(where("_id").is(natural.get(0))),
                new Update().set("pendingAt", mongo.getConverter().convertToMongoType(later)),
                timelines);

        projector.sweep();

        assertThat(bucket().get("received")).isEqualTo(2L);
        assertThat(stored().hasPending()).isFalse();
    }

    /**
     * The old guard, a list of the last 1,000 keys, forgot a retry after 1,000 other updates of a bucket (seconds of
     * a national bucket under load). The high-water mark of the retried record's partition does not.
     */
    @Test
    void aRetryAfterMoreThanAThousandOtherUpdatesOfTheSameBucketIsCountedOnce() {
        crashBeforeThePendingWasCleared(crashAfterTheTimelineWrite(new PetitionTimeline(id.toString()), submitted()));
        int others = 1_100;
        for (int offset = 1; offset <= others; offset++) { // read from another partition meanwhile
            projector.apply(submitted(PetitionId.random()), version(), new Position("other", "it", 1, offset));
        }

        projector.sweep();

        assertThat(bucket().get("received")).isEqualTo(1L + others);
        assertThat(stored().hasPending()).isFalse();
    }

    /**
     * A record given up on (dead letter) may leave a difference pending while its partition moves on: the next
     * record's offset would mark the buckets past it. So the buckets take it before (the recoverer's step), and
     * only the groups and the open case are left for the petition's next event.
     */
    @Test
    void aDifferenceLeftByARecordGivenUpOnIsSettledBeforeThePartitionMovesOn() {
        crashAfterTheTimelineWrite(new PetitionTimeline(id.toString()), submitted());

        projector.settle(id, version());

        assertThat(bucket().get("received")).isEqualTo(1L);
        assertThat(stored().hasPending())
                .as("the groups and the open case are still to be recorded")
                .isTrue();
        projector.settle(id, version()); // settling again changes nothing
        assertThat(bucket().get("received")).isEqualTo(1L);

        projector.apply(submitted(PetitionId.random()), version(), TestPositions.next()); // the partition goes on
        projector.apply(routed(), version(), TestPositions.next()); // and the petition's next event comes

        assertThat(bucket().get("received")).isEqualTo(2L);
        assertThat(authorityBucket().get("received")).isEqualTo(1L);
        await().atMost(Duration.ofSeconds(10)).until(() -> !stored().hasPending()); // cleared a moment later
    }
}
