package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionAcknowledged;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRejected;
import vn.gandan.events.PetitionReopened;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

class PetitionStateUnitTests {

    static final PetitionId ID = PetitionId.random();
    static final AuthorityRef UBND = new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605");
    static final Place PLACE = new Place("40", "17605");

    static Instant at(String text) {
        return Instant.parse(text);
    }

    static PetitionSubmitted submitted(Instant at) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                ID,
                at,
                "40-X",
                "portal:x",
                PetitionKind.COMPLAINT,
                "health",
                Channel.PORTAL,
                at,
                PLACE,
                "t",
                null,
                null);
    }

    static Deadline due(String dueAt) {
        return new Deadline(Deadline.RESOLUTION, at(dueAt), "p@1");
    }

    static PetitionState derive(List<PetitionEvent> events) {
        PetitionTimeline timeline = new PetitionTimeline(ID.toString());
        events.forEach(timeline::add);
        return timeline.getState();
    }

    final List<PetitionEvent> story = List.of(
            // received 23:30 Viet Nam time on 2025-03-01 (16:30Z)
            submitted(at("2025-03-01T16:30:00Z")),
            new PetitionRouted(
                    UUID.randomUUID(),
                    ID,
                    at("2025-03-02T01:00:00Z"),
                    UBND,
                    PLACE,
                    "r",
                    1,
                    new Deadline(Deadline.ACCEPTANCE, at("2025-03-05T16:59:59Z"), "p@1")),
            new PetitionAcknowledged(
                    UUID.randomUUID(), ID, at("2025-03-03T01:00:00Z"), UBND, due("2025-03-31T16:59:59Z")),
            new PetitionResolved(UUID.randomUUID(), ID, at("2025-03-31T16:59:59Z"), UBND, "done"));

    @Test
    void inOrderHandledOnTheLastSecondOfTheDueDayIsOnTime() {
        PetitionState state = derive(story);
        assertThat(state.handled()).isTrue();
        assertThat(state.handledBy()).isEqualTo("ubnd-17605");
        assertThat(state.onTime()).isTrue();
        assertThat(state.daysToHandle()).isEqualTo(30); // 2025-03-01 (23:30 in Viet Nam) to 2025-03-31
        assertThat(state.state()).isEqualTo("resolved");
    }

    @Test
    void outOfOrderAndDuplicatedGiveTheSameState() {
        PetitionState inOrder = derive(story);
        for (int seed = 0; seed < 20; seed++) {
            List<PetitionEvent> shuffled = new ArrayList<>(story);
            shuffled.addAll(story.subList(0, 2));
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(derive(shuffled)).isEqualTo(inOrder);
        }
    }

    @Test
    void aSecondLateIsLateAndAReopenedCaseIsOpenUntilAnsweredAgain() {
        List<PetitionEvent> late = new ArrayList<>(story.subList(0, 3));
        late.add(new PetitionResolved(UUID.randomUUID(), ID, at("2025-03-31T17:00:00Z"), UBND, "done"));
        assertThat(derive(late).onTime()).isFalse();

        List<PetitionEvent> reopened = new ArrayList<>(story);
        reopened.add(new PetitionReopened(
                UUID.randomUUID(), ID, at("2025-04-02T01:00:00Z"), UBND, "appeal", due("2025-04-20T16:59:59Z")));
        assertThat(derive(reopened).handled()).isFalse();
        reopened.add(new PetitionRejected(
                UUID.randomUUID(), ID, at("2025-04-10T01:00:00Z"), UBND, PetitionRejected.NOT_ACCEPTED, "no"));
        PetitionState again = derive(reopened);
        assertThat(again.handled()).isTrue();
        assertThat(again.onTime()).isTrue();
        assertThat(again.daysToHandle()).isEqualTo(40); // 2025-03-01 to 2025-04-10, Viet Nam dates
    }

    @Test
    void aHandledPetitionIsNamedAfterTheAuthorityThatAnsweredItNotALaterOne() {
        List<PetitionEvent> closedElsewhere = new ArrayList<>(story);
        closedElsewhere.add(new vn.gandan.events.PetitionClosed(
                UUID.randomUUID(),
                ID,
                at("2025-04-05T01:00:00Z"),
                new AuthorityRef("ubnd-40", "Ủy ban nhân dân Tỉnh Nghệ An", "40")));
        PetitionState state = derive(closedElsewhere);
        assertThat(state.authorityId()).isEqualTo("ubnd-17605");
        assertThat(state.authorityName()).isEqualTo(UBND.name());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] histogram = new long[Buckets.OVERFLOW_DAYS + 1];
        assertThat(Buckets.percentile(histogram, 0.5)).isNull();
        histogram[1] = 5;
        histogram[4] = 4;
        histogram[30] = 1;
        assertThat(Buckets.percentile(histogram, 0.5)).isEqualTo(1);
        assertThat(Buckets.percentile(histogram, 0.9)).isEqualTo(4);
        assertThat(Buckets.percentile(histogram, 1.0)).isEqualTo(30);
    }

    @Test
    void periodKeysAreInVietNamTime() {
        LocalDate day = Periods.dateOf(at("2025-12-31T17:00:00Z")); // 00:00 on 1 January in Viet Nam
        assertThat(Periods.keysOf(day)).containsExactly("2026-01-01", "2026-01", "2026");
        assertThat(Periods.keysOf(LocalDate.of(2026, 11, 30))).containsExactly("2026-11-30", "2026-11", "2026");
        assertThat(Periods.cover(LocalDate.of(2024, 12, 30), LocalDate.of(2026, 2, 2)))
                .containsExactly("2024-12-30", "2024-12-31", "2025", "2026-01", "2026-02-01", "2026-02-02");
    }

    @Test
    void aDifferenceMovesOnlyWhatChanged() {
        PetitionState open = derive(story.subList(0, 3));
        PetitionState handled = derive(story);
        var diff = Buckets.difference(Buckets.contributionOf(open), Buckets.contributionOf(handled));
        assertThat(diff.get("commune=17605|2025-03"))
                .containsEntry("handled", 1L)
                .containsEntry("handledHere", 1L)
                .doesNotContainKey("received");
        assertThat(Buckets.difference(Buckets.contributionOf(handled), Buckets.contributionOf(handled)))
                .isEmpty();
    }

    /** What the buckets hold after the timeline's pending amounts are applied, event after event. */
    static java.util.Map<String, java.util.Map<String, Long>> applied(List<PetitionEvent> arrivals) {
        PetitionTimeline timeline = new PetitionTimeline(ID.toString());
        java.util.Map<String, java.util.Map<String, Long>> buckets = new java.util.TreeMap<>();
        for (PetitionEvent event : arrivals) {
            if (timeline.add(event) && timeline.recount(TestPositions.next())) {
                timeline.pendingByBucket()
                        .forEach((bucket, fields) -> fields.forEach(
                                (field, value) -> buckets.computeIfAbsent(bucket, k -> new java.util.TreeMap<>())
                                        .merge(field, value, Long::sum)));
                timeline.pendingDone();
            }
        }
        buckets.values().forEach(fields -> fields.values().removeIf(v -> v == 0));
        buckets.values().removeIf(java.util.Map::isEmpty);
        return buckets;
    }

    @Test
    void theChangesByDayAddUpToTheFiguresAndTheDayBeforeHandlingShowsItOpen() {
        var buckets = applied(story);
        var month = buckets.get("commune=17605|2025-03");
        assertThat(month).containsEntry("received", 1L).containsEntry("handled", 1L);
        // received on 1 March (Viet Nam time), handled on 31 March: each on its own day
        assertThat(month)
                .containsEntry("changes.2025-03-01.received", 1L)
                .containsEntry("changes.2025-03-31.handled", 1L)
                .doesNotContainKey("changes.2025-03-01.handled");
        assertThat(buckets.get("commune=17605|2025"))
                .as("a year keeps no changes by day: an as-of question reads its months")
                .containsEntry("received", 1L)
                .doesNotContainKey("changes.2025-03-01.received");
        for (var entry : buckets.entrySet()) {
            var bucket = entry.getValue();
            if (!Periods.keepsChanges(entry.getKey().substring(entry.getKey().lastIndexOf('|') + 1))) {
                continue;
            }
            bucket.forEach((field, value) -> {
                if (!field.startsWith(Buckets.CHANGES + ".")) {
                    long byDay = bucket.entrySet().stream()
                            .filter(f -> f.getKey().startsWith(Buckets.CHANGES + ".")
                                    && f.getKey()
                                            .substring(Buckets.CHANGES.length() + 12)
                                            .equals(field))
                            .mapToLong(java.util.Map.Entry::getValue)
                            .sum();
                    assertThat(byDay).as(field).isEqualTo(value);
                }
            });
        }
    }

    @Test
    void lateAndDuplicatedEventsGiveTheSameChangesByDayAsInOrder() {
        List<PetitionEvent> longer = new ArrayList<>(story);
        longer.add(new PetitionReopened(
                UUID.randomUUID(), ID, at("2025-04-02T01:00:00Z"), UBND, "appeal", due("2025-04-20T16:59:59Z")));
        longer.add(new PetitionResolved(UUID.randomUUID(), ID, at("2025-04-10T01:00:00Z"), UBND, "again"));
        var inOrder = applied(longer);
        assertThat(inOrder.get("commune=17605|2025-03"))
                .containsEntry("changes.2025-03-31.handled", 1L)
                .containsEntry("changes.2025-04-02.handled", -1L);
        for (int seed = 0; seed < 20; seed++) {
            List<PetitionEvent> shuffled = new ArrayList<>(longer);
            shuffled.addAll(longer.subList(1, 3));
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(applied(shuffled)).as("seed %d", seed).isEqualTo(inOrder);
        }
    }
}
