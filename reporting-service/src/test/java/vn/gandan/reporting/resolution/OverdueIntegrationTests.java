package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionDeadlineExtended;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.PetitionTransferred;
import vn.gandan.events.Place;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * The overdue counts (open less due today or later) and pages (an {@code _id} range) against an independent
 * reckoning, with cases that move: handled, extended past today, transferred to another authority (that one
 * across a crash, so the start-up sweep finds where the case was from the events alone). One province of its own,
 * so the figures are this test's only; its authorities are not {@code it-}, which the reports test counts
 * nationally, and one has a dot in its id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    /** Noon in Viet Nam. */
    static final Instant NOW = TODAY.atTime(12, 0).atZone(Periods.VIET_NAM).toInstant();

    @Autowired
    ResolutionProjector projector;

    @Autowired
    OpenCases openCases;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    final String province = "ov" + UUID.randomUUID().toString().substring(0, 6);
    final AuthorityRef dotted = new AuthorityRef("ov.a-" + province, "Phòng thử A", province);
    final AuthorityRef plain = new AuthorityRef("ov-b-" + province, "Phòng thử B", province);
    final Map<String, PetitionId> ids = new LinkedHashMap<>();

    static Deadline due(LocalDate day) {
        return new Deadline(
                Deadline.RESOLUTION,
                day.atTime(LocalTime.of(23, 59, 59)).atZone(Periods.VIET_NAM).toInstant(),
                "p@1");
    }

    ProjectionVersion version() {
        return versions.active();
    }

    PetitionId petition(String name, AuthorityRef with, LocalDate dueDay) {
        PetitionId id = PetitionId.random();
        ids.put(name, id);
        Instant received = Instant.parse("2026-05-04T03:00:00Z");
        Place place = new Place(province, "c-" + province);
        projector.apply(
                new PetitionSubmitted(
                        UUID.randomUUID(),
                        id,
                        received,
                        province + "-" + name,
                        "portal:it",
                        PetitionKind.COMPLAINT,
                        "land",
                        Channel.PORTAL,
                        received,
                        place,
                        "t",
                        null,
                        null),
                version(),
                TestPositions.next());
        projector.apply(
                new PetitionRouted(UUID.randomUUID(), id, received.plusSeconds(60), with, place, "r", 1, due(dueDay)),
                version(),
                TestPositions.next());
        return id;
    }

    @BeforeAll
    void cases() {
        petition("A", dotted, TODAY.minusDays(9));
        petition("B", dotted, TODAY.minusDays(1)); // its day ended at midnight
        petition("C", plain, TODAY); // due today: not yet
        petition("D", plain, TODAY.plusDays(10));
        PetitionId e = petition("E", dotted, TODAY.minusDays(5));
        projector.apply(
                new PetitionResolved(UUID.randomUUID(), e, NOW.minusSeconds(86_400 * 6), dotted, "done"),
                version(),
                TestPositions.next());
        PetitionId f = petition("F", plain, TODAY.minusDays(7));
        projector.apply(
                new PetitionDeadlineExtended(
                        UUID.randomUUID(),
                        f,
                        NOW.minusSeconds(86_400 * 8),
                        plain,
                        due(TODAY.minusDays(7)),
                        due(TODAY.plusDays(5)),
                        "complex"),
                version(),
                TestPositions.next());
        PetitionId g = petition("G", dotted, TODAY.minusDays(8));
        // the transfer's write lands, the process stops before the figures move: the sweep finishes it
        PetitionTimeline timeline =
                mongo.findById(g.toString(), PetitionTimeline.class, version().collection(PetitionTimeline.COLLECTION));
        assertThat(timeline.add(new PetitionTransferred(
                        UUID.randomUUID(),
                        g,
                        NOW.minusSeconds(86_400 * 7),
                        dotted,
                        plain,
                        "not ours",
                        due(TODAY.minusDays(6)))))
                .isTrue();
        assertThat(timeline.recount(TestPositions.next())).isTrue();
        mongo.save(timeline, version().collection(PetitionTimeline.COLLECTION));
        projector.sweep();
    }

    Map<String, Long> counts(String authority, Instant now) {
        return openCases.overdueBy(Dimension.AUTHORITY, province, authority, now, version());
    }

    List<String> page(String authority, int page, int size) {
        List<String> names = new ArrayList<>();
        openCases
                .overdue(province, authority, NOW, page, size, version())
                .forEach(c -> names.add(nameOf(c.petitionId())));
        return names;
    }

    String nameOf(String petitionId) {
        return ids.entrySet().stream()
                .filter(e -> e.getValue().toString().equals(petitionId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(petitionId);
    }

    @Test
    void overdueAreTheOpenCasesWhoseDueDayHasEndedByTheAuthorityTheyAreWithNow() {
        assertThat(counts(null, NOW)).isEqualTo(Map.of(dotted.id(), 2L, plain.id(), 1L));
        assertThat(counts(plain.id(), NOW)).isEqualTo(Map.of(plain.id(), 1L));
        // a day later, the case due today is overdue too
        assertThat(counts(null, NOW.plusSeconds(86_400))).isEqualTo(Map.of(dotted.id(), 2L, plain.id(), 2L));
        // the same cases by the other groups: all three in one commune, of one category, kind and channel
        assertThat(openCases.overdueBy(Dimension.COMMUNE, province, null, NOW, version()))
                .isEqualTo(Map.of("c-" + province, 3L));
        assertThat(openCases.overdueBy(Dimension.CATEGORY, province, null, NOW, version()))
                .isEqualTo(Map.of("land", 3L));
        assertThat(openCases.overdueBy(Dimension.CHANNEL, province, null, NOW.plusSeconds(86_400), version()))
                .isEqualTo(Map.of("portal", 4L));
    }

    @Test
    void aPageIsTheEarliestDueFirstAndHoldsEachCaseOnceWhereItIsNow() {
        assertThat(page(null, 0, 10)).containsExactly("A", "G", "B");
        assertThat(page(null, 0, 2)).containsExactly("A", "G");
        assertThat(page(null, 1, 2)).containsExactly("B");
        assertThat(page(dotted.id(), 0, 10)).containsExactly("A", "B");
        assertThat(page(plain.id(), 0, 10)).containsExactly("G");
    }

    @Test
    void theNationalFiguresAreEachProvincesAddedUp() {
        Map<String, Long> national = openCases.overdueBy(Dimension.AUTHORITY, null, null, NOW, version());
        assertThat(national).containsAllEntriesOf(counts(null, NOW));
        // across provinces, a page is merged by due time: here, filtered to this test's authorities
        assertThat(openCases.overdue(null, dotted.id(), NOW, 0, 10, version()))
                .extracting(c -> nameOf(c.petitionId()))
                .containsExactly("A", "B");
        assertThat(openCases.overdue(null, plain.id(), NOW, 0, 10, version()))
                .extracting(c -> nameOf(c.petitionId()))
                .containsExactly("G");
    }
}
