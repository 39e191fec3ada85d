package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.gandan.reporting.version.ProjectionVersion;

/**
 * The cases not handled that have a deadline, and which of them are overdue: their due day (Viet Nam time; the
 * deadline's {@code dueAt} is its last second) has ended. Nothing here reads a case it does not answer with.
 *
 * <ul>
 *   <li><b>Counts</b> are figures like the others ({@link Buckets}, moved by the same guarded difference): per
 *       province, the open cases per authority, commune, category, kind and channel ({@code province=40|open})
 *       and, per due day, those due that day ({@code province=40|due:2026-12-05}). Overdue per group = open − due
 *       today or later: one document and the days still to fall due (an {@code _id} range), however many cases
 *       there are.
 *   <li><b>The cases</b> are keyed {@code <province>|<dueAt>|<petition>}, so that a province's overdue cases, earliest
 *       due first, are the start of an {@code _id} range: a page reads its own cases (with an authority filter,
 *       the province's up to the page's last one).
 * </ul>
 *
 * National questions read each province's, so they cost what the provinces with open cases add up to.
 */
@Service
public class OpenCases {

    static final String OPEN = "open";
    static final String DUE = "due:";
    /** What the overdue cases may be counted by: a field {@code <dimension>.<value>} each, in the same documents. */
    public static final List<Dimension> GROUPS =
            List.of(Dimension.AUTHORITY, Dimension.COMMUNE, Dimension.CATEGORY, Dimension.KIND, Dimension.CHANNEL);
    /** Reads a range of due days up to this many: no deadline is set a century ahead. */
    private static final int MOST_DUE_DAYS = 36_600;

    private static final DateTimeFormatter DUE_KEY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @org.springframework.data.mongodb.core.mapping.Document(OpenCase.COLLECTION)
    public record OpenCase(
            @Id String id,
            String petitionId,
            String provinceCode,
            String communeCode,
            String authorityId,
            String authorityName,
            String category,
            String kind,
            Instant receivedAt,
            String state,
            String deadlineStep,
            Instant dueAt,
            int escalations) {
        public static final String COLLECTION = "open_cases";
    }

    private final MongoTemplate mongo;
    private final ReportGroups groups;

    OpenCases(MongoTemplate mongo, ReportGroups groups) {
        this.mongo = mongo;
        this.groups = groups;
    }

    /**
     * What an open case adds to the figures (bucket id → field → 1): its authority, commune, category, kind and
     * channel, among its province's open cases and among those due on its day.
     */
    static Map<String, Map<String, Long>> countsOf(PetitionState state) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        if (isOpen(state)) {
            String scope = Buckets.scope(Dimension.PROVINCE, state.provinceCode());
            Map<String, Long> fields = new TreeMap<>();
            GROUPS.forEach(d -> fields.put(field(d, d.valueOf(state)), 1L));
            LocalDate due = Periods.dateOf(state.deadline().dueAt());
            counts.put(Buckets.id(scope, OPEN), fields);
            counts.put(Buckets.id(scope, DUE + due), new TreeMap<>(fields));
        }
        return counts;
    }

    private static String field(Dimension dimension, String value) {
        return dimension.code() + "." + Buckets.fieldName(value);
    }

    /** A historical petition is never open: it owes nothing now, whatever deadline an event might carry. */
    private static boolean isOpen(PetitionState state) {
        return state.countable() && !state.fromHistory() && !state.handled() && state.deadline() != null;
    }

    /** The open-case writes of several petitions, sent in one unordered bulk: each petition's ids are its own. */
    final class Writes {

        private final BulkOperations bulk;
        private boolean empty = true;

        private Writes(ProjectionVersion version) {
            bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, version.collection(OpenCase.COLLECTION));
        }

        /**
         * Writes the case as the state gives it, and removes where it was before (another province or due time).
         *
         * @param before the state counted before, or null if unknown: then every place the events could have put
         *     it is removed
         * @param events the petition's events, for those places
         */
        void record(String petitionId, PetitionState state, PetitionState before, List<TimelineEntry> events) {
            OpenCase now = openCase(petitionId, state);
            Set<String> stale = new LinkedHashSet<>();
            if (before != null) {
                OpenCase was = openCase(petitionId, before);
                if (Objects.equals(now, was)) {
                    return;
                }
                if (was != null) {
                    stale.add(was.id());
                }
            } else {
                Set<String> provinces = new LinkedHashSet<>();
                Set<Instant> dues = new LinkedHashSet<>();
                events.forEach(e -> {
                    if (e.provinceCode() != null) {
                        provinces.add(e.provinceCode());
                    }
                    if (e.deadline() != null) {
                        dues.add(e.deadline().dueAt());
                    }
                });
                provinces.forEach(p -> dues.forEach(d -> stale.add(id(p, d, petitionId))));
            }
            if (now != null) {
                stale.remove(now.id());
            }
            if (!stale.isEmpty()) {
                bulk.remove(Query.query(where("_id").in(stale)));
                empty = false;
            }
            if (now != null) {
                bulk.replaceOne(
                        Query.query(where("_id").is(now.id())),
                        now,
                        FindAndReplaceOptions.options().upsert());
                empty = false;
            }
        }

        void write() {
            if (!empty) {
                bulk.execute();
            }
        }
    }

    Writes writes(ProjectionVersion version) {
        return new Writes(version);
    }

    /** The open case a state gives, or null if it is handled, has no deadline or cannot be counted yet. */
    private static OpenCase openCase(String petitionId, PetitionState state) {
        if (!isOpen(state)) {
            return null;
        }
        return new OpenCase(
                id(state.provinceCode(), state.deadline().dueAt(), petitionId),
                petitionId,
                state.provinceCode(),
                state.communeCode(),
                state.authorityId(),
                state.authorityName(),
                state.category(),
                state.kind(),
                state.receivedAt(),
                state.state(),
                state.deadline().step(),
                state.deadline().dueAt(),
                state.escalations());
    }

    private static String id(String province, Instant dueAt, String petitionId) {
        return province + "|" + DUE_KEY.format(dueAt) + "|" + petitionId;
    }

    /**
     * Overdue cases per group of one of {@link #GROUPS} ({@link Dimension#NONE} when the case has no value), the
     * empty groups left out.
     *
     * @param province a province code, or null for all
     * @param authority an authority id, or null for all; only when counting by authority
     */
    public Map<String, Long> overdueBy(
            Dimension groupBy, String province, String authority, Instant now, ProjectionVersion version) {
        if (!GROUPS.contains(groupBy) || authority != null && groupBy != Dimension.AUTHORITY) {
            throw new IllegalArgumentException("overdue cases are not counted by " + groupBy + " for one authority");
        }
        String today = Periods.dateOf(now).toString();
        String collection = version.collection(Buckets.COLLECTION);
        Map<String, Long> overdue = new TreeMap<>();
        for (String p : provinces(province, version)) {
            String scope = Buckets.scope(Dimension.PROVINCE, p);
            // the counts only, not the marks
            Query open = Query.query(where("_id").is(Buckets.id(scope, OPEN)));
            open.fields().include(groupBy.code());
            add(overdue, groupBy, mongo.findOne(open, Document.class, collection), 1);
            Query stillToFallDue = Query.query(
                            where("_id").gte(Buckets.id(scope, DUE + today)).lt(Buckets.id(scope, DUE + "~")))
                    .limit(MOST_DUE_DAYS);
            stillToFallDue.fields().include(groupBy.code());
            mongo.find(stillToFallDue, Document.class, collection).forEach(day -> add(overdue, groupBy, day, -1));
        }
        overdue.values().removeIf(n -> n == 0);
        if (authority != null) {
            overdue.keySet().retainAll(Set.of(authority));
        }
        return overdue;
    }

    private static void add(Map<String, Long> overdue, Dimension groupBy, Document bucket, int sign) {
        Document counts = bucket == null ? null : bucket.get(groupBy.code(), Document.class);
        if (counts != null) {
            counts.forEach(
                    (field, n) -> overdue.merge(Buckets.valueOf(field), sign * ((Number) n).longValue(), Long::sum));
        }
    }

    /**
     * One page of the overdue cases, earliest due first (then by petition): each province's is the start of its
     * range, read up to the page's end.
     */
    public List<OpenCase> overdue(
            String province, String authority, Instant now, int page, int size, ProjectionVersion version) {
        String endOfOverdue = DUE_KEY.format(
                Periods.dateOf(now).atStartOfDay(Periods.VIET_NAM).toInstant());
        List<String> provinces = province == null && authority != null
                ? provincesWithOpenCases(authority, version)
                : provinces(province, version);
        boolean one = provinces.size() == 1;
        List<OpenCase> cases = new ArrayList<>();
        for (String p : provinces) {
            Criteria range = where("_id").gte(p + "|").lt(p + "|" + endOfOverdue);
            if (authority != null) {
                range = range.and("authorityId").is(authority);
            }
            Query query = Query.query(range).with(Sort.by("_id"));
            if (one) {
                query.skip((long) page * size).limit(size);
            } else {
                query.limit((page + 1) * size);
            }
            cases.addAll(mongo.find(query, OpenCase.class, version.collection(OpenCase.COLLECTION)));
        }
        if (one) {
            return cases;
        }
        cases.sort(Comparator.comparing(OpenCase::dueAt).thenComparing(OpenCase::petitionId));
        return cases.subList(Math.min(page * size, cases.size()), Math.min((page + 1) * size, cases.size()));
    }

    /**
     * The provinces where an authority has open cases, from their counts: a national page for one authority reads
     * those provinces' ranges only, not every province's overdue cases.
     */
    private List<String> provincesWithOpenCases(String authority, ProjectionVersion version) {
        Map<String, String> provinceOf = new TreeMap<>();
        provinces(null, version)
                .forEach(p -> provinceOf.put(Buckets.id(Buckets.scope(Dimension.PROVINCE, p), OPEN), p));
        // _id $in alone, which the embedded store serves by its index; the count is checked here
        Query query = Query.query(where("_id").in(provinceOf.keySet()));
        query.fields().include(field(Dimension.AUTHORITY, authority));
        List<String> provinces = new ArrayList<>();
        for (Document open : mongo.find(query, Document.class, version.collection(Buckets.COLLECTION))) {
            Document counts = open.get(Dimension.AUTHORITY.code(), Document.class);
            if (counts != null && counts.get(Buckets.fieldName(authority)) instanceof Number n && n.longValue() > 0) {
                provinces.add(provinceOf.get(open.getString("_id")));
            }
        }
        return provinces;
    }

    private List<String> provinces(String province, ProjectionVersion version) {
        return province != null
                ? List.of(province)
                : groups.members(ReportGroups.NATIONAL, Dimension.PROVINCE, version);
    }
}
