package vn.gandan.reporting.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.AuthorityRef;
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
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.PetitionTransferred;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RealInfrastructure;

/**
 * Generates petitions in 2025, publishes their events shuffled, duplicated and replayed, and compares the reports
 * with figures computed here from the generated scenarios alone (not with the production code).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResolutionReportsIntegrationTests {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PROVINCE = "40";
    static final List<String> COMMUNES = List.of("17605", "16681", "16690", "16702");
    static final List<String> CATEGORIES = List.of("land.compensation", "environment.waste", "health", "education");

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionVersions versions;

    /** The live collection of the timelines: another test class may have rebuilt and switched the version. */
    String timelines() {
        return versions.active().collection(PetitionTimeline.COLLECTION);
    }

    @LocalServerPort
    int port;

    /** What the test knows of each petition, from its own scenario. */
    record Expected(
            String id,
            String commune,
            String authority,
            String category,
            String kind,
            String channel,
            LocalDate received,
            LocalDate handled,
            boolean onTime,
            boolean repeat,
            int escalations,
            int transfers,
            int failures,
            Instant dueAt,
            int eventCount) {}

    final List<Expected> expected = new ArrayList<>();
    final List<Scenario> scenarios = new ArrayList<>();
    final List<PetitionEvent> events = new ArrayList<>();

    static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(VN).toInstant();
    }

    static AuthorityRef authority(String commune) {
        return new AuthorityRef("it-ubnd-" + commune, "Ủy ban nhân dân " + commune, commune);
    }

    static final AuthorityRef PROVINCIAL = new AuthorityRef("it-ubnd-40", "Ủy ban nhân dân Tỉnh Nghệ An", "40");

    @BeforeAll
    void generateAndPublish() throws Exception {
        Random random = new Random(20251);
        for (int n = 0; n < 300; n++) {
            generate(random);
        }
        List<PetitionEvent> wire = new ArrayList<>(events);
        for (int i = 0; i < events.size(); i += 7) {
            wire.add(events.get(i)); // duplicates
        }
        Collections.shuffle(wire, random);
        for (int i = 0; i < 60; i++) {
            wire.add(events.get(random.nextInt(events.size()))); // replays at the end
        }
        for (PetitionEvent event : wire) {
            kafka.send(event.type().topic(), event.petitionId().toString(), event);
        }
        kafka.flush();
        // 90 s: after other test classes several cached contexts share the group and the broker holds more
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(this::allApplied);
    }

    boolean allApplied() {
        for (Expected e : expected) {
            PetitionTimeline t = mongo.findById(e.id(), PetitionTimeline.class, timelines());
            if (t == null || t.getEvents().size() != e.eventCount() || t.hasPending()) {
                return false;
            }
        }
        return true;
    }

    /** The scenario of one petition as it unfolds: what the test knows of it after each of its events. */
    static final class Scenario {
        final String id;
        final String commune;
        final String category;
        final String kind;
        final String channel;
        final LocalDate received;
        final boolean repeat;
        final List<PetitionEvent> events = new ArrayList<>();
        final List<Map.Entry<Instant, Expected>> history = new ArrayList<>();
        AuthorityRef with;
        Deadline deadline;
        Instant handledAt;
        Instant dueAtHandling;
        int escalations;
        int transfers;
        int failures;

        Scenario(
                String id,
                String commune,
                String category,
                String kind,
                String channel,
                LocalDate received,
                boolean repeat) {
            this.id = id;
            this.commune = commune;
            this.category = category;
            this.kind = kind;
            this.channel = channel;
            this.received = received;
            this.repeat = repeat;
        }

        /** Records the event, after the caller has moved the scenario on to what it says. */
        void happened(PetitionEvent event) {
            events.add(event);
            history.add(Map.entry(event.occurredAt(), now()));
        }

        Expected now() {
            return new Expected(
                    id,
                    commune,
                    with == null ? Dimension.NONE : with.id(),
                    category,
                    kind,
                    channel,
                    received,
                    handledAt == null ? null : handledAt.atZone(VN).toLocalDate(),
                    handledAt != null && !handledAt.isAfter(dueAtHandling),
                    repeat,
                    escalations,
                    transfers,
                    failures,
                    handledAt == null && deadline != null ? deadline.dueAt() : null,
                    events.size());
        }
    }

    /** What the test knew of each petition at the end of the day, from the scenarios alone. */
    List<Expected> asOf(LocalDate day) {
        Instant end = endOfDay(day);
        List<Expected> known = new ArrayList<>();
        for (Scenario s : scenarios) {
            Expected last = null;
            for (var step : s.history) {
                if (!step.getKey().isAfter(end)) {
                    last = step.getValue();
                }
            }
            if (last != null) {
                known.add(last);
            }
        }
        return known;
    }

    void generate(Random random) {
        PetitionId id = PetitionId.random();
        String commune = COMMUNES.get(random.nextInt(COMMUNES.size()));
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        PetitionKind kind = PetitionKind.values()[random.nextInt(3)];
        Channel channel =
                List.of(Channel.PORTAL, Channel.HOTLINE, Channel.MEETING).get(random.nextInt(3));
        LocalDate receivedDay = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(181));
        Instant received = receivedDay
                .atTime(6 + random.nextInt(15), random.nextInt(60))
                .atZone(VN)
                .toInstant();
        boolean repeat = random.nextInt(7) == 0;
        Scenario s = new Scenario(id.toString(), commune, category, kind.code(), channel.code(), receivedDay, repeat);
        Place place = new Place(PROVINCE, commune);
        s.happened(new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                received,
                "40-IT0",
                "portal:it",
                kind,
                category,
                channel,
                received,
                place,
                "Đơn thử",
                null,
                null,
                null,
                repeat ? new PetitionSubmitted.RelatedPetition(PetitionId.random(), 0.9) : null));
        Instant t = received.plus(1, ChronoUnit.HOURS);
        s.with = authority(commune);
        s.deadline = new Deadline(Deadline.ACCEPTANCE, endOfDay(receivedDay.plusDays(3)), "p@1");
        s.happened(new PetitionRouted(UUID.randomUUID(), id, t, s.with, place, "rule", 1, s.deadline));
        if (random.nextInt(5) < 4) {
            t = t.plus(1, ChronoUnit.DAYS);
            s.deadline = new Deadline(Deadline.RESOLUTION, endOfDay(receivedDay.plusDays(30)), "p@1");
            s.happened(new PetitionAcknowledged(UUID.randomUUID(), id, t, s.with, s.deadline));
        }
        if (random.nextInt(6) == 0) {
            t = t.plus(1, ChronoUnit.DAYS);
            AuthorityRef from = s.with;
            s.with = authority(COMMUNES.get((COMMUNES.indexOf(commune) + 1) % COMMUNES.size()));
            s.deadline =
                    new Deadline(Deadline.RESOLUTION, endOfDay(Periods.dateOf(t).plusDays(30)), "p@1");
            s.transfers++;
            s.happened(new PetitionTransferred(UUID.randomUUID(), id, t, from, s.with, "not ours", s.deadline));
        }
        if (random.nextInt(8) == 0) {
            t = t.plus(2, ChronoUnit.DAYS);
            Deadline before = s.deadline;
            s.deadline = new Deadline(before.step(), before.dueAt().plus(15, ChronoUnit.DAYS), "p@1");
            s.happened(new PetitionDeadlineExtended(UUID.randomUUID(), id, t, s.with, before, s.deadline, "complex"));
        }
        if (random.nextInt(10) == 0) {
            t = t.plus(3, ChronoUnit.DAYS);
            AuthorityRef from = s.with;
            s.with = PROVINCIAL;
            s.deadline = new Deadline(Deadline.REPLY, endOfDay(Periods.dateOf(t).plusDays(10)), "p@1");
            s.escalations++;
            s.happened(new PetitionEscalated(UUID.randomUUID(), id, t, from, PROVINCIAL, s.deadline, "late"));
        }
        if (random.nextInt(10) == 0) {
            s.failures++;
            s.happened(new NotificationFailed(
                    UUID.randomUUID(),
                    id,
                    t.plusSeconds(30),
                    UUID.randomUUID(),
                    "new_case",
                    "sms",
                    "authority:x",
                    "bounced"));
        }
        int outcome = random.nextInt(10);
        if (outcome < 6) {
            t = t.plus(random.nextInt(50), ChronoUnit.DAYS).plus(random.nextInt(600), ChronoUnit.MINUTES);
            s.handledAt = t;
            s.dueAtHandling = s.deadline.dueAt();
            s.happened(new PetitionResolved(UUID.randomUUID(), id, t, s.with, "done"));
            if (random.nextInt(3) == 0) {
                t = t.plus(1, ChronoUnit.DAYS);
                s.happened(new PetitionClosed(UUID.randomUUID(), id, t, s.with));
            }
        } else if (outcome < 7) {
            t = t.plus(random.nextInt(4), ChronoUnit.DAYS);
            s.handledAt = t;
            s.dueAtHandling = s.deadline.dueAt();
            s.happened(new PetitionRejected(UUID.randomUUID(), id, t, s.with, PetitionRejected.NOT_ACCEPTED, "no"));
        }
        if (s.handledAt != null && random.nextInt(8) == 0) {
            t = t.plus(5, ChronoUnit.DAYS);
            s.deadline =
                    new Deadline(Deadline.RESOLUTION, endOfDay(Periods.dateOf(t).plusDays(20)), "p@1");
            s.handledAt = null;
            s.happened(new PetitionReopened(UUID.randomUUID(), id, t, s.with, "appeal", s.deadline));
            if (random.nextBoolean()) {
                t = t.plus(random.nextInt(30), ChronoUnit.DAYS);
                s.handledAt = t;
                s.dueAtHandling = s.deadline.dueAt();
                s.happened(new PetitionResolved(UUID.randomUUID(), id, t, s.with, "done again"));
            }
        }
        scenarios.add(s);
        events.addAll(s.events);
        expected.add(s.now());
    }

    // --- the independent computation

    record Period(String key, LocalDate first, LocalDate last) {}

    static List<Period> periods(String period, LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        switch (period) {
            case "range" -> periods.add(new Period(from + ".." + to, from, to));
            case "day" -> from.datesUntil(to.plusDays(1)).forEach(d -> periods.add(new Period(d.toString(), d, d)));
            case "month" -> {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                    periods.add(new Period(m.toString(), m.atDay(1), m.atEndOfMonth()));
                }
            }
            case "quarter" -> {
                LocalDate q = LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / 3 * 3 + 1, 1);
                for (; !q.isAfter(to); q = q.plusMonths(3)) {
                    periods.add(new Period(
                            q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1),
                            q,
                            q.plusMonths(3).minusDays(1)));
                }
            }
            default -> {
                for (int y = from.getYear(); y <= to.getYear(); y++) {
                    periods.add(new Period(String.valueOf(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
                }
            }
        }
        return periods;
    }

    static Integer nearestRank(List<Integer> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    static String rate(long part, long whole) {
        return whole == 0 ? "null" : String.format(java.util.Locale.ROOT, "%.4f", (double) part / whole);
    }

    /** Rows as strings, so a difference shows whole. */
    List<String> expectedRows(
            Function<Expected, String> group,
            String period,
            LocalDate from,
            LocalDate to,
            java.util.function.Predicate<Expected> filter) {
        return expectedRows(expected, group, period, from, to, filter);
    }

    static List<String> expectedRows(
            List<Expected> petitions,
            Function<Expected, String> group,
            String period,
            LocalDate from,
            LocalDate to,
            java.util.function.Predicate<Expected> filter) {
        Map<String, List<Expected>> byGroup = new TreeMap<>();
        petitions.stream().filter(filter).forEach(e -> byGroup.computeIfAbsent(group.apply(e), k -> new ArrayList<>())
                .add(e));
        List<String> rows = new ArrayList<>();
        byGroup.forEach((g, list) -> {
            for (Period p : periods(period, from, to)) {
                List<Expected> cohort = list.stream()
                        .filter(e -> !e.received().isBefore(p.first())
                                && !e.received().isAfter(p.last()))
                        .toList();
                long handledHere = list.stream()
                        .filter(e -> e.handled() != null
                                && !e.handled().isBefore(p.first())
                                && !e.handled().isAfter(p.last()))
                        .count();
                long open = list.stream()
                                .filter(e -> !e.received().isAfter(p.last()))
                                .count()
                        - list.stream()
                                .filter(e -> e.handled() != null && !e.handled().isAfter(p.last()))
                                .count();
                if (cohort.isEmpty() && handledHere == 0 && open == 0) {
                    continue;
                }
                List<Expected> handled =
                        cohort.stream().filter(e -> e.handled() != null).toList();
                List<Integer> days = handled.stream()
                        .map(e -> (int) ChronoUnit.DAYS.between(e.received(), e.handled()))
                        .toList();
                long onTime = handled.stream().filter(Expected::onTime).count();
                rows.add(String.join(
                        " ",
                        g,
                        p.key(),
                        "received=" + cohort.size(),
                        "handled=" + handled.size(),
                        "handlingRate=" + rate(handled.size(), cohort.size()),
                        "onTime=" + onTime,
                        "onTimeRate=" + rate(onTime, handled.size()),
                        "median=" + nearestRank(days, 0.5),
                        "p90=" + nearestRank(days, 0.9),
                        "open=" + open,
                        "escalations="
                                + cohort.stream()
                                        .mapToInt(Expected::escalations)
                                        .sum(),
                        "transfers="
                                + cohort.stream().mapToInt(Expected::transfers).sum(),
                        "repeats=" + cohort.stream().filter(Expected::repeat).count(),
                        "failures="
                                + cohort.stream().mapToInt(Expected::failures).sum()));
            }
        });
        return rows;
    }

    List<String> actualRows(String query, java.util.function.Predicate<String> groups) {
        JsonNode body = analyst().get("/api/v1/reports/resolution?" + query).json();
        List<String> rows = new ArrayList<>();
        for (JsonNode r : body.get("rows")) {
            if (!groups.test(r.get("group").asString())) {
                continue;
            }
            rows.add(String.join(
                    " ",
                    r.get("group").asString(),
                    r.get("period").asString(),
                    "received=" + r.get("received").asLong(),
                    "handled=" + r.get("handled").asLong(),
                    "handlingRate=" + decimal(r.get("handlingRate")),
                    "onTime=" + r.get("onTime").asLong(),
                    "onTimeRate=" + decimal(r.get("onTimeRate")),
                    "median=" + text(r.get("medianDaysToHandle")),
                    "p90=" + text(r.get("p90DaysToHandle")),
                    "open=" + r.get("openAtEnd").asLong(),
                    "escalations=" + r.get("escalations").asLong(),
                    "transfers=" + r.get("transfers").asLong(),
                    "repeats=" + r.get("repeats").asLong(),
                    "failures=" + r.get("notificationFailures").asLong()));
        }
        return rows;
    }

    static String decimal(JsonNode n) {
        return n.isNull() ? "null" : String.format(java.util.Locale.ROOT, "%.4f", n.asDouble());
    }

    static String text(JsonNode n) {
        return n.isNull() ? "null" : n.asString();
    }

    Http analyst() {
        return Http.at(port).withBasic("analyst", "analyst");
    }

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Test
    @Order(1)
    void resolutionByCommuneMonthMatchesTheIndependentComputation() {
        assertThat(actualRows("groupBy=commune&period=month&from=2025-01-01&to=2025-12-31", COMMUNES::contains))
                .containsExactlyElementsOf(expectedRows(Expected::commune, "month", FROM, TO, e -> true));
    }

    @Test
    @Order(2)
    void resolutionByAuthorityQuarterAndByCategoryRangeAndByKindDay() {
        assertThat(actualRows(
                        "groupBy=authority&period=quarter&from=2025-02-10&to=2025-09-30", g -> g.startsWith("it-")))
                .containsExactlyElementsOf(expectedRows(
                        Expected::authority,
                        "quarter",
                        LocalDate.of(2025, 2, 10),
                        LocalDate.of(2025, 9, 30),
                        e -> true));
        assertThat(actualRows("groupBy=category&period=range&from=2025-02-10&to=2025-05-20", CATEGORIES::contains))
                .containsExactlyElementsOf(expectedRows(
                        Expected::category, "range", LocalDate.of(2025, 2, 10), LocalDate.of(2025, 5, 20), e -> true));
        assertThat(actualRows("groupBy=kind&period=day&from=2025-03-01&to=2025-03-31&kind=complaint", g -> true))
                .containsExactlyElementsOf(expectedRows(
                        Expected::kind, "day", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), e -> e.kind()
                                .equals("complaint")));
    }

    @Test
    @Order(3)
    void resolutionByProvinceFilteredByChannelAndByCommuneFilteredByCommune() {
        assertThat(actualRows("groupBy=province&period=year&from=2025-01-01&to=2025-12-31&channel=hotline", g -> true))
                .containsExactlyElementsOf(expectedRows(
                        e -> PROVINCE, "year", FROM, TO, e -> e.channel().equals("hotline")));
        assertThat(actualRows("groupBy=commune&period=month&from=2025-01-01&to=2025-06-30&commune=16681", g -> true))
                .containsExactlyElementsOf(
                        expectedRows(Expected::commune, "month", FROM, LocalDate.of(2025, 6, 30), e -> e.commune()
                                .equals("16681")));
        JsonNode body = analyst()
                .get("/api/v1/reports/resolution?groupBy=commune&period=year&from=2025-01-01&to=2025-12-31")
                .json();
        assertThat(body.get("groupBy").asString()).isEqualTo("commune");
        assertThat(body.get("rows").get(0).get("groupName").asString()).matches("(Xã|Phường|Đặc khu) .+");
        assertThat(groupNames("category", "vi")).containsEntry("health", "Y tế").containsEntry("education", "Giáo dục");
        assertThat(groupNames("category", "en")).containsEntry("health", "Health");
        assertThat(groupNames("kind", "vi")).containsEntry("complaint", "Khiếu nại");
        assertThat(groupNames("channel", "en")).containsEntry("hotline", "Hotline");
    }

    /** Group → its name, in a language. */
    Map<String, String> groupNames(String groupBy, String language) {
        Map<String, String> names = new TreeMap<>();
        analyst()
                .withHeader("Accept-Language", language)
                .get("/api/v1/reports/resolution?groupBy=" + groupBy + "&period=year&from=2025-01-01&to=2025-12-31")
                .json()
                .get("rows")
                .forEach(r ->
                        names.put(r.get("group").asString(), r.get("groupName").asString()));
        return names;
    }

    @Test
    @Order(3)
    void asOfAPastDayTheFiguresAreThoseTheEventsUpToThatDayGive() {
        for (LocalDate day : List.of(LocalDate.of(2025, 2, 14), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 7, 20))) {
            List<Expected> known = asOf(day);
            assertThat(actualRows(
                            "groupBy=commune&period=month&from=2025-01-01&to=2025-12-31&asOf=" + day,
                            COMMUNES::contains))
                    .as("as of %s", day)
                    .containsExactlyElementsOf(expectedRows(known, Expected::commune, "month", FROM, TO, e -> true));
            assertThat(actualRows(
                            "groupBy=authority&period=range&from=2025-01-01&to=2025-06-30&asOf=" + day,
                            g -> g.startsWith("it-")))
                    .as("by authority as of %s", day)
                    .containsExactlyElementsOf(expectedRows(
                            known, Expected::authority, "range", FROM, LocalDate.of(2025, 6, 30), e -> e.authority()
                                    .startsWith("it-")));
        }
        // the figures of a day long past are not those of now: the scenario goes on after it
        assertThat(asOf(LocalDate.of(2025, 2, 14))).hasSizeLessThan(expected.size());
        JsonNode body = analyst()
                .get("/api/v1/reports/resolution?groupBy=province&period=year&from=2025-01-01&to=2025-12-31"
                        + "&asOf=2025-04-30")
                .json();
        assertThat(body.get("asOf").asString()).isEqualTo("2025-04-30");
        assertThat(analyst()
                        .get("/api/v1/reports/resolution?groupBy=province&period=year&from=2025-01-01&to=2025-12-31"
                                + "&asOf=2999-01-01")
                        .status())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void overdueAndRepeatsMatch() {
        Map<String, Long> overdue = new TreeMap<>();
        Instant now = Instant.now();
        expected.stream()
                .filter(e -> e.handled() == null && e.dueAt().isBefore(now))
                .forEach(e -> overdue.merge(e.authority(), 1L, Long::sum));
        JsonNode body = analyst().get("/api/v1/reports/overdue?size=500").json();
        assertThat(body.get("groupBy").asString()).isEqualTo("authority");
        Map<String, Long> actual = new TreeMap<>();
        body.get("byGroup").forEach(a -> {
            if (a.get("group").asString().startsWith("it-")) {
                actual.put(a.get("group").asString(), a.get("overdue").asLong());
                assertThat(a.get("groupName").asString()).startsWith("Ủy ban nhân dân");
            }
        });
        assertThat(actual).isEqualTo(overdue);
        Map<String, Long> byCommune = new TreeMap<>();
        expected.stream()
                .filter(e -> e.handled() == null && e.dueAt().isBefore(now))
                .forEach(e -> byCommune.merge(e.commune(), 1L, Long::sum));
        Map<String, Long> actualByCommune = new TreeMap<>();
        analyst()
                .get("/api/v1/reports/overdue?groupBy=commune&size=1")
                .json()
                .get("byGroup")
                .forEach(g -> {
                    if (COMMUNES.contains(g.get("group").asString())) {
                        actualByCommune.put(
                                g.get("group").asString(), g.get("overdue").asLong());
                    }
                });
        assertThat(actualByCommune).isEqualTo(byCommune);
        assertThat(analyst().get("/api/v1/reports/overdue?groupBy=province").status())
                .isEqualTo(400);
        assertThat(analyst()
                        .get("/api/v1/reports/overdue?groupBy=commune&authority=it-ubnd-17605")
                        .status())
                .isEqualTo(400);
        JsonNode one = analyst()
                .get("/api/v1/reports/overdue?authority=it-ubnd-17605&size=3")
                .json();
        assertThat(one.get("total").asLong()).isEqualTo(overdue.getOrDefault("it-ubnd-17605", 0L));
        assertThat(one.get("cases").size()).isLessThanOrEqualTo(3);

        assertThat(repeatsByCommune(null)).isEqualTo(expectedRepeatsByCommune(expected));
        assertThat(repeatsByCommune(LocalDate.of(2025, 3, 1)))
                .isEqualTo(expectedRepeatsByCommune(asOf(LocalDate.of(2025, 3, 1))))
                .isNotEqualTo(repeatsByCommune(null));
        assertThat(analyst()
                        .get("/api/v1/reports/repeats?from=2025-02-01&to=2025-04-15")
                        .json()
                        .get("byCategory")
                        .size())
                .isPositive();
    }

    @Test
    @Order(4)
    void repeatsByCommuneAndCategoryMostFirst() {
        Map<String, Long> expectedPairs = new TreeMap<>();
        expected.stream()
                .filter(e -> e.repeat() && !e.received().isAfter(LocalDate.of(2025, 6, 30)))
                .forEach(e -> expectedPairs.merge(e.commune() + "|" + e.category(), 1L, Long::sum));
        JsonNode pairs = analyst()
                .get("/api/v1/reports/repeats?from=2025-01-01&to=2025-06-30")
                .json()
                .get("byCommuneAndCategory");
        Map<String, Long> actual = new TreeMap<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode pair : pairs) {
            if (!COMMUNES.contains(pair.get("commune").asString())) {
                continue;
            }
            long repeats = pair.get("repeats").asLong();
            assertThat(repeats).as("most repeats first").isLessThanOrEqualTo(previous);
            previous = repeats;
            actual.put(
                    pair.get("commune").asString() + "|" + pair.get("category").asString(), repeats);
        }
        assertThat(actual).isEqualTo(expectedPairs).isNotEmpty();
    }

    static Map<String, Long> expectedRepeatsByCommune(List<Expected> petitions) {
        Map<String, Long> byCommune = new TreeMap<>();
        petitions.stream()
                .filter(e -> e.repeat()
                        && !e.received().isBefore(LocalDate.of(2025, 2, 1))
                        && !e.received().isAfter(LocalDate.of(2025, 4, 15)))
                .forEach(e -> byCommune.merge(e.commune(), 1L, Long::sum));
        return byCommune;
    }

    Map<String, Long> repeatsByCommune(LocalDate asOf) {
        JsonNode repeats = analyst()
                .get("/api/v1/reports/repeats?from=2025-02-01&to=2025-04-15" + (asOf == null ? "" : "&asOf=" + asOf))
                .json();
        Map<String, Long> byCommune = new TreeMap<>();
        repeats.get("byCommune")
                .forEach(r -> byCommune.put(
                        r.get("group").asString(), r.get("repeats").asLong()));
        return byCommune;
    }

    @Test
    @Order(5)
    void timelineInOrderAndOnlyInTheCallersProvince() {
        Expected e = expected.get(0);
        JsonNode timeline = analyst()
                .get("/api/v1/reports/petitions/" + e.id() + "/timeline")
                .json();
        assertThat(timeline.get("events").size()).isEqualTo(e.eventCount());
        assertThat(timeline.get("events").get(0).get("type").asString()).isEqualTo("vn.gandan.petition.submitted.v1");
        assertThat(Http.at(port)
                        .withBasic("operator-hn", "operator-hn")
                        .get("/api/v1/reports/petitions/" + e.id() + "/timeline")
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(6)
    void securityCsvAndProblems() {
        String q = "/api/v1/reports/resolution?groupBy=commune&period=month&from=2025-01-01&to=2025-03-31";
        assertThat(Http.at(port).get(q).status()).isEqualTo(401);
        assertThat(analyst().get(q + "&province=01").status()).isEqualTo(403);
        assertThat(Http.at(port)
                        .withBasic("operator-hn", "operator-hn")
                        .get(q)
                        .json()
                        .get("rows")
                        .size())
                .isZero();
        assertThat(Http.at(port)
                        .withBasic("admin", "admin")
                        .get(q + "&province=40")
                        .status())
                .isEqualTo(200);

        var csv = analyst().withHeader("Accept", "text/csv").get(q);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("group,groupName,period,received,");
        assertThat(csv.body().split("\r\n").length).isGreaterThan(1);
        assertThat(analyst()
                        .withHeader("Accept", "text/csv")
                        .get("/api/v1/reports/overdue")
                        .body())
                .startsWith("petitionId,");
        assertThat(analyst()
                        .withHeader("Accept", "text/csv")
                        .get("/api/v1/reports/repeats?from=2025-01-01&to=2025-06-30")
                        .body())
                .startsWith("dimension,group,groupName,received,repeats\r\n");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("groupBy=color&period=month&from=2025-01-01&to=2025-02-01", "groupBy");
        bad.put("groupBy=commune&period=week&from=2025-01-01&to=2025-02-01", "period");
        bad.put("groupBy=commune&period=month&from=2025-13-01&to=2025-02-01", "from");
        bad.put("groupBy=commune&period=month&from=2025-03-01&to=2025-02-01", "from");
        bad.put("groupBy=commune&period=month&from=2020-01-01&to=2025-02-01", "to");
        bad.put("groupBy=commune&period=month&from=2025-01-01&to=2025-02-01&category=nope", "category");
        bad.put("groupBy=category&period=month&from=2025-01-01&to=2025-02-01&kind=complaint", "kind");
        bad.forEach((query, field) -> {
            var response = analyst().withHeader("Accept-Language", "vi").get("/api/v1/reports/resolution?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(field);
        });
        var vi = analyst()
                .withHeader("Accept-Language", "vi")
                .get("/api/v1/reports/resolution?groupBy=commune&period=month&from=2025-03-01&to=2025-02-01");
        assertThat(vi.body()).contains("ở sau ngày kết thúc");
        assertThat(Http.at(port).get("/v3/api-docs").body())
                .contains("onTimeRate")
                .contains("handled");
    }

    @Test
    @Order(7)
    void aPoisonEventEndsInTheDeadLetterTopicAndTheProjectionGoesOn() throws Exception {
        try (KafkaProbe deadLetters = KafkaProbe.reading(Topics.deadLetter(Topics.REPORTING_GROUP))) {
            String key = deadLetters.sendPoison(Topics.ROUTING_CASES);
            deadLetters.await(KafkaProbe.withKey(key), Duration.ofSeconds(30));
        }
        PetitionId id = PetitionId.random();
        Instant now = Instant.now();
        kafka.send(
                        Topics.INTAKE_PETITIONS,
                        id.toString(),
                        new PetitionSubmitted(
                                UUID.randomUUID(),
                                id,
                                now,
                                "40-P",
                                "portal:it",
                                PetitionKind.COMPLAINT,
                                "health",
                                Channel.PORTAL,
                                now,
                                new Place(PROVINCE, "17605"),
                                "x",
                                null,
                                null))
                .get();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id.toString())), timelines()));
    }
}
