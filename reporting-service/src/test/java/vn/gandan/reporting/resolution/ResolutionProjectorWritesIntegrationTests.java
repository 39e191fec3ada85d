package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.RealInfrastructure;

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
        return (long) meters
                .find("mongodb.driver.commands")
                .tag("command", "update")
                .tag("collection", version().collection(base))
                .timers()
                .stream()
                .mapToDouble(Timer::count)
                .sum();
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
