package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.StoreCommands;

/**
 * What applying an event costs the store, counted by the driver's command metrics (as the benchmark counts them):
 * the finished differences cleared together, not one write per event; a group or an authority's name written once
 * per instance, not by every petition. Province 48, a fresh commune and authority per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class ResolutionProjectorWritesIntegrationTests {

    @Autowired
    ResolutionProjector projector;

    @Autowired
    FinishedDifferences finished;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    @Autowired
    MeterRegistry meters;

    final String commune = "it-" + UUID.randomUUID().toString().substring(0, 8);
    final Place place = new Place("48", commune);
    final AuthorityRef ubnd = new AuthorityRef("it-ubnd-" + commune, "Ủy ban nhân dân thử", "48");
    final Instant received = Instant.parse("2025-06-10T03:00:00Z");

    PetitionSubmitted submitted(PetitionId petition) {
        return TestEvents.submitted(petition, place, received);
    }

    PetitionRouted routed(PetitionId petition) {
        return TestEvents.routed(petition, ubnd, place, received, Instant.parse("2025-06-13T16:59:59Z"));
    }

    ProjectionVersion version() {
        return versions.active();
    }

    /** Update commands sent to a projection collection so far (a bulk write counts once, as on the wire). */
    long updates(String base) {
        return commands("update", base);
    }

    long commands(String command, String base) {
        return StoreCommands.count(meters, command, version().collection(base));
    }

    PetitionTimeline stored(PetitionId petition) {
        return mongo.findById(
                petition.toString(), PetitionTimeline.class, version().collection(PetitionTimeline.COLLECTION));
    }

    long received() {
        Document doc = mongo.findById(
                Buckets.id(Buckets.scope(Dimension.COMMUNE, commune), "2025-06"),
                Document.class,
                version().collection(Buckets.COLLECTION));
        return doc == null ? 0 : doc.getLong("received");
    }

    @Test
    void theFinishedDifferencesOfManyEventsAreClearedInAFewWrites() {
        finished.flush();
        long before = updates(PetitionTimeline.COLLECTION);
        List<PetitionId> petitions = new ArrayList<>();
        int count = 40;
        for (int i = 0; i < count; i++) {
            PetitionId petition = PetitionId.random();
            petitions.add(petition);
            projector.apply(submitted(petition), version(), TestPositions.next());
        }

        finished.flush();

        assertThat(petitions).allSatisfy(p -> assertThat(stored(p).hasPending()).isFalse());
        // each submission is an insert; the clears are one bulk write per flush (the timer's, once a second, or
        // this one), against one update per event before
        assertThat(updates(PetitionTimeline.COLLECTION) - before).isLessThanOrEqualTo(count / 4);
        assertThat(received()).isEqualTo(count);
    }

    long receivedBy(AuthorityRef authority) {
        Document doc = mongo.findById(
                Buckets.id(Buckets.scope(Dimension.AUTHORITY, authority.id()), "2025"),
                Document.class,
                version().collection(Buckets.COLLECTION));
        return doc == null ? 0 : doc.getLong("received");
    }

    /**
     * A poll's events, applied together (the live listener's {@link ResolutionProjector.Batch}), cost one write per
     * collection: the new timelines one insert, the buckets one update, the open cases one, however many events.
     */
    @Test
    void aBatchOfEventsWritesEachCollectionOnce() {
        List<PetitionId> submittedBefore = List.of(PetitionId.random(), PetitionId.random(), PetitionId.random());
        ResolutionProjector.Batch first = projector.batch(version());
        submittedBefore.forEach(p -> first.add(submitted(p), TestPositions.next()));
        first.write();
        long timelineInserts = commands("insert", PetitionTimeline.COLLECTION);
        long bucketUpdates = updates(Buckets.COLLECTION);
        long openCaseUpdates = updates(OpenCases.OpenCase.COLLECTION);
        long timelineReads = commands("find", PetitionTimeline.COLLECTION);

        ResolutionProjector.Batch poll = projector.batch(version());
        List<PetitionEvent> events = new ArrayList<>();
        submittedBefore.forEach(p -> events.add(routed(p)));
        for (int i = 0; i < 3; i++) {
            events.add(submitted(PetitionId.random()));
        }
        poll.readAhead(events.stream().map(PetitionEvent::petitionId).toList());
        events.forEach(e -> poll.add(e, TestPositions.next()));
        poll.write();

        assertThat(commands("insert", PetitionTimeline.COLLECTION) - timelineInserts)
                .isEqualTo(1);
        assertThat(updates(Buckets.COLLECTION) - bucketUpdates).isEqualTo(1);
        assertThat(updates(OpenCases.OpenCase.COLLECTION) - openCaseUpdates).isEqualTo(1);
        assertThat(commands("find", PetitionTimeline.COLLECTION) - timelineReads)
                .as("the poll's timelines read at once")
                .isEqualTo(1);
        assertThat(received()).isEqualTo(6);
        assertThat(receivedBy(ubnd)).isEqualTo(3);
        assertThat(submittedBefore)
                .allSatisfy(p -> assertThat(stored(p).getEvents()).hasSize(2));
    }

    /** Two writers of one timeline at once: the one that writes second loses, and its listener retries. */
    @Test
    void aTimelineWrittenMeanwhileFailsTheSlowerBatchForARetry() {
        PetitionId petition = PetitionId.random();
        ResolutionProjector.Batch slower = projector.batch(version());
        slower.add(submitted(petition), TestPositions.next());
        ResolutionProjector.Batch faster = projector.batch(version());
        faster.add(submitted(petition), TestPositions.next());
        faster.write();

        assertThatThrownBy(slower::write).as("both created it").isInstanceOf(OptimisticLockingFailureException.class);

        ResolutionProjector.Batch slowerAgain = projector.batch(version());
        slowerAgain.add(routed(petition), TestPositions.next());
        ResolutionProjector.Batch fasterAgain = projector.batch(version());
        fasterAgain.add(routed(petition), TestPositions.next());
        fasterAgain.write();

        assertThatThrownBy(slowerAgain::write)
                .as("both read it at the same version")
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(stored(petition).getEvents()).hasSize(2);
        assertThat(received()).isEqualTo(1);
    }

    /**
     * A petition met twice in one batch: the first event's difference is written before the second makes the next
     * (in the batch's next round), so both count, once each.
     */
    @Test
    void aPetitionMetTwiceInOneBatchCountsBothEventsOnce() {
        PetitionId petition = PetitionId.random();
        ResolutionProjector.Batch poll = projector.batch(version());
        poll.readAhead(List.of(petition, petition, petition)); // read once, used by its first event only
        poll.add(submitted(petition), TestPositions.next());
        PetitionRouted routed = routed(petition);
        poll.add(routed, TestPositions.next());
        poll.add(routed, TestPositions.next()); // the same event again, as a redelivery brings it
        poll.write();

        assertThat(received()).isEqualTo(1);
        assertThat(receivedBy(ubnd)).isEqualTo(1);
        assertThat(stored(petition).getEvents()).hasSize(2);
        finished.flush();
        assertThat(stored(petition).hasPending()).isFalse();
    }

    /**
     * A poll of a consumer that is behind: each petition's submission on one topic, its routing on another. The
     * routings wait for a second round, and the poll costs two bucket writes, not one per petition met again.
     */
    @Test
    void aPollThatMeetsEachPetitionTwiceIsWrittenInTwoRounds() {
        List<PetitionId> petitions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            petitions.add(PetitionId.random());
        }
        long bucketUpdates = updates(Buckets.COLLECTION);
        long timelineReads = commands("find", PetitionTimeline.COLLECTION);
        long timelineInserts = commands("insert", PetitionTimeline.COLLECTION);

        ResolutionProjector.Batch poll = projector.batch(version());
        poll.readAhead(petitions);
        petitions.forEach(p -> poll.add(submitted(p), TestPositions.next("it-intake")));
        petitions.forEach(p -> poll.add(routed(p), TestPositions.next("it-routing")));
        poll.write();

        assertThat(updates(Buckets.COLLECTION) - bucketUpdates)
                .as("one bulk a round")
                .isEqualTo(2);
        assertThat(commands("insert", PetitionTimeline.COLLECTION) - timelineInserts)
                .as("the new timelines inserted in one bulk")
                .isEqualTo(1);
        assertThat(commands("find", PetitionTimeline.COLLECTION) - timelineReads)
                .as("the second round goes on from the timelines the first wrote")
                .isEqualTo(1);
        assertThat(received()).isEqualTo(5);
        assertThat(receivedBy(ubnd)).isEqualTo(5);
        assertThat(petitions).allSatisfy(p -> assertThat(stored(p).getEvents()).hasSize(2));
    }

    /**
     * A record held back for the next round holds back the later records of its partition: were the second routing
     * written first, the authority's bucket would be marked past the first, and the first would never count.
     */
    @Test
    void aRecordHeldBackForTheNextRoundHoldsBackTheRestOfItsPartition() {
        PetitionId routedLater = PetitionId.random();
        projector.apply(submitted(routedLater), version(), TestPositions.next("it-intake"));
        PetitionId petition = PetitionId.random();

        ResolutionProjector.Batch poll = projector.batch(version());
        poll.add(submitted(petition), TestPositions.next("it-intake"));
        poll.add(routed(petition), TestPositions.next("it-routing")); // met again: the next round
        poll.add(routed(routedLater), TestPositions.next("it-routing")); // first met, but after it on its partition
        poll.write();

        assertThat(receivedBy(ubnd)).isEqualTo(2);
        assertThat(received()).isEqualTo(2);
        assertThat(stored(petition).getEvents()).hasSize(2);
        assertThat(stored(routedLater).getEvents()).hasSize(2);
    }

    @Test
    void theNextEventOfAPetitionFinishedHereDoesNotMoveItsBucketsAgain() {
        PetitionId petition = PetitionId.random();
        projector.apply(submitted(petition), version(), TestPositions.next());
        long before = updates(Buckets.COLLECTION);

        projector.apply(routed(petition), version(), TestPositions.next());

        assertThat(updates(Buckets.COLLECTION) - before)
                .as("the routing's own difference, in one bulk write; the submission's is not moved again")
                .isEqualTo(1);
        finished.flush();
        assertThat(stored(petition).hasPending()).isFalse();
        assertThat(received()).isEqualTo(1);
    }

    /**
     * The routing's event read before the submission's (they are on different topics): the first gives a state with
     * the authority but nothing to count, so neither its groups nor its name were recorded, and the submission must
     * record both.
     */
    @Test
    void theAuthorityOfARoutingReadBeforeItsSubmissionIsNamed() {
        PetitionId petition = PetitionId.random();
        projector.apply(routed(petition), version(), TestPositions.next());
        projector.apply(submitted(petition), version(), TestPositions.next());

        Document name = mongo.findById(ubnd.id(), Document.class, version().collection(ReportGroups.AUTHORITIES));
        assertThat(name).as("the authority's name").isNotNull();
        assertThat(name.getString("name")).isEqualTo(ubnd.name());
        assertThat(receivedBy(ubnd)).isEqualTo(1);
    }

    @Test
    void aSecondPetitionOfTheSameGroupsWritesNoGroupAndNoName() {
        PetitionId first = PetitionId.random();
        projector.apply(submitted(first), version(), TestPositions.next());
        projector.apply(routed(first), version(), TestPositions.next());
        long groups = updates(ReportGroups.COLLECTION);
        long names = updates(ReportGroups.AUTHORITIES);

        PetitionId second = PetitionId.random();
        projector.apply(submitted(second), version(), TestPositions.next());
        projector.apply(routed(second), version(), TestPositions.next());

        assertThat(updates(ReportGroups.COLLECTION)).isEqualTo(groups);
        assertThat(updates(ReportGroups.AUTHORITIES)).isEqualTo(names);
        Document communes = mongo.findById(
                "48|" + Dimension.COMMUNE.code(), Document.class, version().collection(ReportGroups.COLLECTION));
        assertThat(communes.getList("members", String.class)).contains(commune);
        Document name = mongo.findById(ubnd.id(), Document.class, version().collection(ReportGroups.AUTHORITIES));
        assertThat(name.getString("name")).isEqualTo(ubnd.name());
    }

    @Test
    void aVersionForgottenBeforeItIsDroppedGetsItsGroupsWrittenAgain() {
        PetitionId first = PetitionId.random();
        projector.apply(submitted(first), version(), TestPositions.next());
        ProjectionVersion scratch = new ProjectionVersion(77);
        projector.apply(submitted(PetitionId.random()), scratch, TestPositions.next());
        projector.forget(scratch);
        for (String base : List.of(PetitionTimeline.COLLECTION, Buckets.COLLECTION, ReportGroups.COLLECTION)) {
            mongo.dropCollection(scratch.collection(base));
        }

        projector.apply(submitted(PetitionId.random()), scratch, TestPositions.next());

        Document communes = mongo.findById(
                "48|" + Dimension.COMMUNE.code(), Document.class, scratch.collection(ReportGroups.COLLECTION));
        assertThat(communes)
                .as("the commune's group, written again after the drop")
                .isNotNull();
        assertThat(communes.getList("members", String.class)).containsExactly(commune);
    }
}
