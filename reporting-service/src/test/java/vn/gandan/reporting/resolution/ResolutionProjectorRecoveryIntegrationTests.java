package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
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
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
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
 * start-up sweep and the next event finish the work, each amount counted once. Province 48 (Đà Nẵng), which no
 * other test reads, and one fresh petition per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
class ResolutionProjectorRecoveryIntegrationTests {

    static final AuthorityRef UBND = new AuthorityRef("it-ubnd-48x", "Ủy ban nhân dân thử", "48");

    @Autowired
    ResolutionProjector projector;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    final PetitionId id = PetitionId.random();
    final String commune = "it-" + id.toString().substring(0, 8);
    final Place place = new Place("48", commune);
    final Instant received = Instant.parse("2025-05-06T03:00:00Z");

    PetitionSubmitted submitted() {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                received,
                "48-X",
                "portal:it",
                PetitionKind.RECOMMENDATION,
                "health",
                Channel.PORTAL,
                received,
                place,
                "t",
                null,
                null);
    }

    PetitionRouted routed() {
        return new PetitionRouted(
                UUID.randomUUID(),
                id,
                received.plusSeconds(3600),
                UBND,
                place,
                "r",
                1,
                new Deadline(Deadline.ACCEPTANCE, Instant.parse("2025-05-09T16:59:59Z"), "p@1"));
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
        assertThat(timeline.add(event)).isTrue();
        assertThat(timeline.recount()).isTrue();
        return mongo.save(timeline, version().collection(PetitionTimeline.COLLECTION));
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
        projector.apply(submitted(), version());
        PetitionTimeline timeline = crashAfterTheTimelineWrite(stored(), routed());
        var pending = mongo.findById(id.toString(), Document.class, version().collection(PetitionTimeline.COLLECTION))
                .get("pending");
        projector.finish(timeline, version());
        // the crash came before the pending difference was cleared: it is still there
        mongo.updateFirst(
                Query.query(where("_id").is(id.toString())),
                new Update().set("pending", pending),
                version().collection(PetitionTimeline.COLLECTION));
        assertThat(stored().hasPending()).isTrue();
        Document once = bucket();

        projector.sweep(); // as at the next start
        projector.apply(routed(), version()); // and a redelivery of another copy changes nothing either

        assertThat(stored().hasPending()).isFalse();
        Document after = bucket();
        assertThat(after.get("received")).isEqualTo(1L);
        assertThat(after.get(Buckets.CHANGES)).isEqualTo(once.get(Buckets.CHANGES));
        Document byAuthority = mongo.findById(
                Buckets.id(Buckets.scope(Dimension.AUTHORITY, UBND.id()), "2025"),
                Document.class,
                version().collection(Buckets.COLLECTION));
        assertThat(byAuthority.get("received"))
                .as("the routing moved the petition to its authority once")
                .isEqualTo(1L);

        projector.apply(
                new PetitionResolved(UUID.randomUUID(), id, received.plusSeconds(86_400), UBND, "done"), version());
        assertThat(bucket().get("handled")).isEqualTo(1L);
        assertThat(bucket().get("received")).isEqualTo(1L);
    }
}
