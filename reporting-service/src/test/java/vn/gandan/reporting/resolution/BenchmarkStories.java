package vn.gandan.reporting.resolution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.Province;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.CategoryCodes;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.NotificationFailed;
import vn.gandan.events.PetitionAcknowledged;
import vn.gandan.events.PetitionClosed;
import vn.gandan.events.PetitionDeadlineExtended;
import vn.gandan.events.PetitionEscalated;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRejected;
import vn.gandan.events.PetitionReopened;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.PetitionTransferred;
import vn.gandan.events.Place;

/**
 * Petition stories for {@link ResolutionBenchmark}, after the ideas of {@code ResolutionReportsIntegrationTests}:
 * submitted, routed (sometimes after triage), acknowledged, sometimes transferred, extended, escalated or a
 * notification failed, then resolved, rejected or left open, sometimes reopened. Real provinces and all their
 * communes, every category, kind and channel, received over 2025 and 2026. Story {@code n} of a seed is always the
 * same (its own {@link Random}), so stories can be made in any order or on any thread.
 */
final class BenchmarkStories {

    /** Nghệ An (the analyst's, 130 communes) and three others: 293 communes in all. */
    static final List<String> PROVINCES = List.of("40", "42", "46", "22");

    private static final int[] PROVINCE_WEIGHTS = {4, 2, 2, 2};
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    /** Nothing happens after this: what would have is still to come, so those cases are open (and some overdue). */
    static final Instant CUTOFF =
            LocalDate.of(2026, 11, 30).atStartOfDay(Periods.VIET_NAM).toInstant();

    private static final String[] REJECTIONS = {
        PetitionRejected.NOT_ACCEPTED,
        PetitionRejected.NOT_COMPETENT,
        PetitionRejected.DUPLICATE,
        PetitionRejected.WITHDRAWN
    };

    private final long seed;
    private final List<Province> provinces = new ArrayList<>();
    private final List<List<Commune>> communes = new ArrayList<>();
    private final int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
    private final int weightSum;

    BenchmarkStories(long seed) {
        this.seed = seed;
        AdminUnits units = AdminUnits.official();
        for (String code : PROVINCES) {
            provinces.add(units.province(code).orElseThrow());
            communes.add(units.communesOf(code));
        }
        int sum = 0;
        for (int w : PROVINCE_WEIGHTS) {
            sum += w;
        }
        weightSum = sum;
    }

    /** The communes the stories use. */
    int communeCount() {
        return communes.stream().mapToInt(List::size).sum();
    }

    /** Story {@code n}: one petition's events in the order they happened. */
    List<PetitionEvent> story(long n) {
        Random r = new Random(seed * 1_000_003L + n);
        List<PetitionEvent> events = new ArrayList<>();
        PetitionId id = new PetitionId(new UUID(r.nextLong(), r.nextLong()));
        int p = pick(r);
        Province province = provinces.get(p);
        List<Commune> theirs = communes.get(p);
        // 1 in 20 without a commune: routed to the province
        Commune commune = r.nextInt(20) == 0 ? null : theirs.get(r.nextInt(theirs.size()));
        Place place = new Place(province.code(), commune == null ? null : commune.code());
        String category = CategoryCodes.ALL.get(r.nextInt(CategoryCodes.ALL.size()));
        PetitionKind kind = PetitionKind.values()[r.nextInt(PetitionKind.values().length)];
        Channel channel = Channel.values()[r.nextInt(Channel.values().length)];
        LocalDate receivedDay = FIRST_DAY.plusDays(r.nextInt(days));
        Instant received = receivedDay
                .atTime(6 + r.nextInt(15), r.nextInt(60))
                .atZone(Periods.VIET_NAM)
                .toInstant();
        // 1 in 20 received at a meeting and entered a few days later: a late event for the as-of changes
        Instant t = r.nextInt(20) == 0 ? received.plus(1 + r.nextInt(3), ChronoUnit.DAYS) : received;
        boolean repeat = r.nextInt(7) == 0;
        events.add(new PetitionSubmitted(
                uuid(r),
                id,
                t,
                province.code() + "-B" + n,
                "portal:bench",
                kind,
                category,
                channel,
                received,
                place,
                "Đơn thử",
                null,
                null,
                null,
                repeat ? new PetitionSubmitted.RelatedPetition(new PetitionId(uuid(r)), 0.9) : null));
        AuthorityRef provincial =
                new AuthorityRef("ubnd-" + province.code(), "Ủy ban nhân dân " + province.name(), province.code());
        AuthorityRef with = commune == null || r.nextInt(7) == 0 ? provincial : authority(commune);
        t = t.plus(1, ChronoUnit.HOURS);
        if (r.nextInt(25) == 0) {
            events.add(new PetitionRoutingFailed(uuid(r), id, t, place, "commune_missing", null));
            t = t.plus(1, ChronoUnit.DAYS);
        }
        Deadline deadline =
                new Deadline(Deadline.ACCEPTANCE, endOfDay(Periods.dateOf(t).plusDays(10)), "p@1");
        events.add(new PetitionRouted(uuid(r), id, t, with, place, "rule", 1, deadline));
        if (r.nextInt(5) < 4 && (t = t.plus(1 + r.nextInt(5), ChronoUnit.DAYS)).isBefore(CUTOFF)) {
            deadline =
                    new Deadline(Deadline.RESOLUTION, endOfDay(Periods.dateOf(t).plusDays(30)), "p@1");
            events.add(new PetitionAcknowledged(uuid(r), id, t, with, deadline));
        }
        if (r.nextInt(6) == 0 && (t = t.plus(2, ChronoUnit.DAYS)).isBefore(CUTOFF)) {
            AuthorityRef from = with;
            with = authority(theirs.get(r.nextInt(theirs.size())));
            deadline =
                    new Deadline(Deadline.RESOLUTION, endOfDay(Periods.dateOf(t).plusDays(30)), "p@1");
            events.add(new PetitionTransferred(uuid(r), id, t, from, with, "not ours", deadline));
        }
        if (r.nextInt(8) == 0 && (t = t.plus(3, ChronoUnit.DAYS)).isBefore(CUTOFF)) {
            Deadline before = deadline;
            deadline = new Deadline(before.step(), before.dueAt().plus(15, ChronoUnit.DAYS), "p@1");
            events.add(new PetitionDeadlineExtended(uuid(r), id, t, with, before, deadline, "complex"));
        }
        if (r.nextInt(10) == 0 && (t = t.plus(5, ChronoUnit.DAYS)).isBefore(CUTOFF)) {
            AuthorityRef from = with;
            with = provincial;
            deadline = new Deadline(Deadline.REPLY, endOfDay(Periods.dateOf(t).plusDays(10)), "p@1");
            events.add(new PetitionEscalated(uuid(r), id, t, from, provincial, deadline, "late"));
        }
        if (r.nextInt(10) == 0 && t.plusSeconds(30).isBefore(CUTOFF)) {
            events.add(new NotificationFailed(
                    uuid(r), id, t.plusSeconds(30), uuid(r), "new_case", "sms", "authority:x", "bounced"));
        }
        int outcome = r.nextInt(10);
        boolean handled = false;
        if (outcome < 6) {
            t = t.plus(r.nextInt(50), ChronoUnit.DAYS).plus(r.nextInt(600), ChronoUnit.MINUTES);
            if (t.isBefore(CUTOFF)) {
                handled = true;
                events.add(new PetitionResolved(uuid(r), id, t, with, "done"));
                if (r.nextInt(3) == 0 && (t = t.plus(1, ChronoUnit.DAYS)).isBefore(CUTOFF)) {
                    events.add(new PetitionClosed(uuid(r), id, t, with));
                }
            }
        } else if (outcome < 7 && (t = t.plus(r.nextInt(4), ChronoUnit.DAYS)).isBefore(CUTOFF)) {
            handled = true;
            events.add(new PetitionRejected(uuid(r), id, t, with, REJECTIONS[r.nextInt(REJECTIONS.length)], "no"));
        }
        if (handled && r.nextInt(8) == 0 && (t = t.plus(5, ChronoUnit.DAYS)).isBefore(CUTOFF)) {
            deadline =
                    new Deadline(Deadline.RESOLUTION, endOfDay(Periods.dateOf(t).plusDays(20)), "p@1");
            events.add(new PetitionReopened(uuid(r), id, t, with, "appeal", deadline));
            if (r.nextBoolean() && (t = t.plus(r.nextInt(30), ChronoUnit.DAYS)).isBefore(CUTOFF)) {
                events.add(new PetitionResolved(uuid(r), id, t, with, "done again"));
            }
        }
        return events;
    }

    private int pick(Random r) {
        int x = r.nextInt(weightSum);
        for (int i = 0; i < PROVINCE_WEIGHTS.length; i++) {
            x -= PROVINCE_WEIGHTS[i];
            if (x < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static AuthorityRef authority(Commune commune) {
        return new AuthorityRef("ubnd-" + commune.code(), "Ủy ban nhân dân " + commune.name(), commune.code());
    }

    private static UUID uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong());
    }

    private static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(Periods.VIET_NAM).toInstant();
    }
}
