package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.NotificationFailed;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

/** ADR 0017: a petition imported from a portal's records counts as imported, and as nothing else. */
class HistoricalPetitionUnitTests {

    static final PetitionId ID = PetitionId.random();
    static final AuthorityRef UBND = new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605");
    static final Place PLACE = new Place("40", "17605");
    /** Received on 10 May 2021 (Viet Nam time), imported on 20 November 2026, routed the day after. */
    static final Instant RECEIVED = Instant.parse("2021-05-10T02:00:00Z");

    static final Instant IMPORTED = Instant.parse("2026-11-20T03:00:00Z");
    static final Instant ROUTED = Instant.parse("2026-11-21T03:00:00Z");

    static PetitionSubmitted submitted(Boolean historical) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                ID,
                IMPORTED,
                "40-H",
                "portal:x",
                PetitionKind.COMPLAINT,
                "health",
                Channel.PORTAL,
                RECEIVED,
                PLACE,
                "t",
                null,
                null,
                null,
                // names an earlier petition: a repeat, were it live
                new PetitionSubmitted.RelatedPetition(PetitionId.random(), 0.9),
                Map.of(),
                historical);
    }

    /** With a deadline, which routing sets on no historical petition: even then it is not open. */
    static PetitionRouted routed(Boolean historical) {
        return new PetitionRouted(
                UUID.randomUUID(),
                ID,
                ROUTED,
                UBND,
                PLACE,
                "r",
                1,
                new Deadline(Deadline.ACCEPTANCE, Instant.parse("2021-05-13T16:59:59Z"), "p@1"),
                historical);
    }

    static NotificationFailed failed() {
        return new NotificationFailed(
                UUID.randomUUID(), ID, ROUTED.plusSeconds(60), UUID.randomUUID(), "new_case", "sms", "x", "bounced");
    }

    static PetitionState derive(List<PetitionEvent> events) {
        PetitionTimeline timeline = new PetitionTimeline(ID.toString());
        events.forEach(timeline::add);
        return timeline.getState();
    }

    final List<PetitionEvent> history = List.of(submitted(true), routed(true), failed());
    final List<PetitionEvent> live = List.of(submitted(null), routed(null), failed());

    /** Written out here, not by the production code: each dimension alone, and the province with each other. */
    static final List<String> SCOPES = List.of(
            "province=40",
            "commune=17605",
            "province=40,commune=17605",
            "authority=ubnd-17605",
            "province=40,authority=ubnd-17605",
            "category=health",
            "province=40,category=health",
            "kind=complaint",
            "province=40,kind=complaint",
            "channel=portal",
            "province=40,channel=portal");

    static final List<String> RECEIPT_PERIODS = List.of("2021-05-10", "2021-05", "2021");

    @Test
    void theTimelineKeepsTheFlagOfTheSubmissionAndOfTheRouting() {
        assertThat(TimelineEntry.of(submitted(true)).fromHistory()).isTrue();
        assertThat(TimelineEntry.of(routed(true)).fromHistory()).isTrue();
        assertThat(TimelineEntry.of(submitted(null)).fromHistory()).isFalse();
        assertThat(TimelineEntry.of(submitted(null)).historical())
                .as("nothing stored for a live one")
                .isNull();
    }

    @Test
    void aHistoricalPetitionIsArchivedWhateverRoutingSaidAndALiveOneIsNot() {
        PetitionState state = derive(history);
        assertThat(state.fromHistory()).isTrue();
        assertThat(state.state()).isEqualTo("archived");
        assertThat(state.authorityId())
                .as("attributed to the authority routing chose")
                .isEqualTo("ubnd-17605");
        assertThat(derive(List.of(routed(true))).state())
                .as("routing overtaking intake")
                .isEqualTo("archived");
        var unplaced =
                new PetitionRoutingFailed(UUID.randomUUID(), ID, ROUTED, PLACE, "no_matching_rule", "none", true);
        assertThat(derive(List.of(submitted(true), unplaced)).state()).isEqualTo("archived");

        PetitionState liveState = derive(live);
        assertThat(liveState.fromHistory()).isFalse();
        assertThat(liveState.state()).isEqualTo("routed");
    }

    @Test
    void aHistoricalPetitionCountsOnlyAsImportedInTheReceiptPeriodsOfEveryScope() {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        SCOPES.forEach(
                scope -> RECEIPT_PERIODS.forEach(period -> expected.put(scope + "|" + period, Map.of("imported", 1L))));
        PetitionState state = derive(history);
        assertThat(Buckets.contributionOf(state)).isEqualTo(expected);
        assertThat(OpenCases.countsOf(state)).as("not open").isEmpty();
    }

    @Test
    void aLivePetitionCountsAsBeforeAndNeverAsImported() {
        PetitionState state = derive(live);
        var contribution = Buckets.contributionOf(state);
        SCOPES.forEach(scope -> RECEIPT_PERIODS.forEach(period -> assertThat(contribution.get(scope + "|" + period))
                .as(scope + "|" + period)
                .isEqualTo(Map.of("received", 1L, "repeats", 1L, "notificationFailures", 1L))));
        RECEIPT_PERIODS.forEach(period -> assertThat(contribution)
                .containsEntry("province=40,commune=17605,category=health|" + period, Map.of("repeats", 1L)));
        assertThat(contribution).containsKeys("province=40|open", "province=40|due:2021-05-13");
        assertThat(OpenCases.countsOf(state)).isNotEmpty();
        contribution.values().forEach(fields -> assertThat(fields).doesNotContainKey("imported"));
    }

    @Test
    void asOfADayTheImportedCountMovesWithTheGroupsTheEventsGaveThen() {
        var buckets = PetitionStateUnitTests.applied(history);
        // imported on 20 November without an authority, attributed to one by the routing of the 21st
        assertThat(buckets.get("authority=ubnd-17605|2021-05"))
                .isEqualTo(Map.of("imported", 1L, "changes.2026-11-21.imported", 1L));
        assertThat(buckets.get("authority=none|2021-05"))
                .isEqualTo(Map.of("changes.2026-11-20.imported", 1L, "changes.2026-11-21.imported", -1L));
        assertThat(buckets.get("province=40|2021-05-10"))
                .isEqualTo(Map.of("imported", 1L, "changes.2026-11-20.imported", 1L));
        assertThat(buckets.get("province=40|2021"))
                .as("a year keeps no changes")
                .isEqualTo(Map.of("imported", 1L));
        buckets.values().forEach(fields -> assertThat(fields.keySet())
                .allMatch(f -> f.equals("imported") || f.endsWith(".imported")));
    }
}
