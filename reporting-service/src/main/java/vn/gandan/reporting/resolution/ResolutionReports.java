package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.events.Labels;
import vn.gandan.reporting.resolution.Periods.Granularity;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.support.web.Languages;

/**
 * Reads the buckets: cost per group and period asked, never per petition. Each answer reads one version, the one
 * active when it started, so a switch during a query cannot mix two versions' figures.
 */
@Service
public class ResolutionReports {

    /** A validated question: {@code province} null only for a national admin; filters other than province. */
    public record Question(
            Dimension groupBy,
            Granularity granularity,
            LocalDate from,
            LocalDate to,
            String province,
            Dimension filter,
            String filterValue,
            LocalDate asOf) {

        public boolean range() {
            return granularity == null;
        }
    }

    public record Row(
            String group,
            String groupName,
            String period,
            long received,
            long imported,
            long handled,
            BigDecimal handlingRate,
            long onTime,
            BigDecimal onTimeRate,
            Integer medianDaysToHandle,
            Integer p90DaysToHandle,
            long openAtEnd,
            long escalations,
            long transfers,
            long repeats,
            long notificationFailures) {}

    /** @param asOf the day whose end the figures stood at, or null for the figures now */
    public record Resolution(String groupBy, String period, String from, String to, String asOf, List<Row> rows) {}

    /** Sums of the buckets of a set of periods. */
    static final class Sums {
        long received;
        long imported;
        long handled;
        long onTime;
        long handledHere;
        long escalations;
        long transfers;
        long repeats;
        long notificationFailures;
        final long[] days = new long[Buckets.OVERFLOW_DAYS + 1];

        private final String asOf;

        /** @param asOf the figures as they stood at the end of this day, or null for now */
        Sums(LocalDate asOf) {
            this.asOf = asOf == null ? null : asOf.toString();
        }

        /** Adds a bucket, less its changes after the as-of day. */
        void add(Document bucket) {
            if (bucket == null) {
                return;
            }
            add(bucket, 1);
            Document changes = asOf == null ? null : bucket.get(Buckets.CHANGES, Document.class);
            if (changes != null) {
                changes.forEach((day, change) -> {
                    if (day.compareTo(asOf) > 0) {
                        add((Document) change, -1);
                    }
                });
            }
        }

        private void add(Document amounts, int sign) {
            received += sign * number(amounts, "received");
            imported += sign * number(amounts, Buckets.IMPORTED);
            handled += sign * number(amounts, "handled");
            onTime += sign * number(amounts, "onTime");
            handledHere += sign * number(amounts, "handledHere");
            escalations += sign * number(amounts, "escalations");
            transfers += sign * number(amounts, "transfers");
            repeats += sign * number(amounts, "repeats");
            notificationFailures += sign * number(amounts, "notificationFailures");
            Document histogram = amounts.get("days", Document.class);
            if (histogram != null) {
                histogram.forEach((k, v) -> days[Integer.parseInt(k)] += sign * ((Number) v).longValue());
            }
        }

        private static long number(Document bucket, String field) {
            Object value = bucket.get(field);
            return value == null ? 0 : ((Number) value).longValue();
        }
    }

    private final MongoTemplate mongo;
    private final ReportGroups groups;
    private final ReportingProperties properties;
    private final ProjectionVersions versions;
    private final AdminUnits adminUnits = AdminUnits.official();

    ResolutionReports(
            MongoTemplate mongo, ReportGroups groups, ReportingProperties properties, ProjectionVersions versions) {
        this.mongo = mongo;
        this.groups = groups;
        this.properties = properties;
        this.versions = versions;
    }

    public AdminUnits adminUnits() {
        return adminUnits;
    }

    public Resolution resolution(Question q) {
        ProjectionVersion version = versions.active();
        List<String> groupValues = groupsOf(q, version);
        Map<String, String> names = namesOf(q.groupBy(), groupValues, version);
        List<String[]> periods = periodsOf(q); // {key, first day, last day}
        LocalDate firstDay = LocalDate.parse(periods.get(0)[1]);
        LocalDate start = LocalDate.of(properties.firstYear(), 1, 1);
        java.util.function.BiFunction<LocalDate, LocalDate, List<String>> cover =
                q.asOf() == null ? Periods::cover : Periods::coverByMonths;
        List<String> before = firstDay.isAfter(start) ? cover.apply(start, firstDay.minusDays(1)) : List.of();
        List<Row> rows = new ArrayList<>();
        for (String group : groupValues) {
            String scope = scopeOf(q, group);
            List<String> ids = new ArrayList<>();
            before.forEach(p -> ids.add(Buckets.id(scope, p)));
            Map<String, List<String>> periodIds = new LinkedHashMap<>();
            for (String[] period : periods) {
                boolean single = !q.range()
                        && Periods.isKept(q.granularity())
                        && (q.asOf() == null || Periods.keepsChanges(period[0]));
                List<String> covering = single
                        ? List.of(period[0])
                        : cover.apply(LocalDate.parse(period[1]), LocalDate.parse(period[2]));
                List<String> bucketIds =
                        covering.stream().map(p -> Buckets.id(scope, p)).toList();
                periodIds.put(period[0], bucketIds);
                ids.addAll(bucketIds);
            }
            Map<String, Document> buckets = fetch(ids, version, q.asOf());
            Sums running = new Sums(q.asOf());
            before.forEach(p -> running.add(buckets.get(Buckets.id(scope, p))));
            long open = running.received - running.handledHere;
            for (var period : periodIds.entrySet()) {
                Sums sums = new Sums(q.asOf());
                period.getValue().forEach(id -> sums.add(buckets.get(id)));
                open += sums.received - sums.handledHere;
                if (sums.received == 0 && sums.imported == 0 && sums.handledHere == 0 && open == 0) {
                    continue;
                }
                rows.add(new Row(
                        group,
                        names.get(group),
                        period.getKey(),
                        sums.received,
                        sums.imported,
                        sums.handled,
                        rate(sums.handled, sums.received),
                        sums.onTime,
                        rate(sums.onTime, sums.handled),
                        Buckets.percentile(sums.days, 0.5),
                        Buckets.percentile(sums.days, 0.9),
                        open,
                        sums.escalations,
                        sums.transfers,
                        sums.repeats,
                        sums.notificationFailures));
            }
        }
        return new Resolution(
                q.groupBy().code(),
                q.range() ? "range" : q.granularity().code(),
                q.from().toString(),
                q.to().toString(),
                q.asOf() == null ? null : q.asOf().toString(),
                rows);
    }

    /** Sums over {@code from..to} (exact days) of one scope, e.g. for the repeats. */
    Sums sumOf(String scope, LocalDate from, LocalDate to, LocalDate asOf, ProjectionVersion version) {
        List<String> ids = (asOf == null ? Periods.cover(from, to) : Periods.coverByMonths(from, to))
                .stream().map(p -> Buckets.id(scope, p)).toList();
        Sums sums = new Sums(asOf);
        fetch(ids, version, asOf).values().forEach(sums::add);
        return sums;
    }

    public record RepeatRow(String group, String groupName, long received, long repeats) {}

    /** Repeat petitions of one commune about one category. */
    public record RepeatPair(String commune, String communeName, String category, long repeats) {}

    public record Repeats(
            String province,
            String from,
            String to,
            String asOf,
            List<RepeatRow> byCommune,
            List<RepeatRow> byCategory,
            List<RepeatPair> byCommuneAndCategory) {}

    /** @param asOf the figures as they stood at the end of this day, or null for now */
    public Repeats repeats(String province, LocalDate from, LocalDate to, LocalDate asOf) {
        ProjectionVersion version = versions.active();
        return new Repeats(
                province,
                from.toString(),
                to.toString(),
                asOf == null ? null : asOf.toString(),
                repeatRows(province, Dimension.COMMUNE, from, to, asOf, version),
                repeatRows(province, Dimension.CATEGORY, from, to, asOf, version),
                repeatPairs(province, from, to, asOf, version));
    }

    /** Most repeats first: the places that keep petitioning about the same thing. */
    private List<RepeatPair> repeatPairs(
            String province, LocalDate from, LocalDate to, LocalDate asOf, ProjectionVersion version) {
        List<RepeatPair> pairs = new ArrayList<>();
        for (String pair : groups.repeatPairs(province, version)) {
            String[] parts = pair.split("\\|", 2);
            Sums sums = sumOf(Buckets.repeatScope(province, parts[0], parts[1]), from, to, asOf, version);
            if (sums.repeats > 0) {
                pairs.add(new RepeatPair(
                        parts[0],
                        adminUnits.commune(parts[0]).map(c -> c.name()).orElse(null),
                        parts[1],
                        sums.repeats));
            }
        }
        pairs.sort(java.util.Comparator.comparingLong(RepeatPair::repeats)
                .reversed()
                .thenComparing(RepeatPair::commune)
                .thenComparing(RepeatPair::category));
        return pairs;
    }

    private List<RepeatRow> repeatRows(
            String province,
            Dimension dimension,
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            ProjectionVersion version) {
        List<String> values = groups.members(province, dimension, version);
        Map<String, String> names = namesOf(dimension, values, version);
        List<RepeatRow> rows = new ArrayList<>();
        for (String value : values) {
            Sums sums = sumOf(Buckets.scope(province, dimension, value), from, to, asOf, version);
            if (sums.repeats > 0) {
                rows.add(new RepeatRow(value, names.get(value), sums.received, sums.repeats));
            }
        }
        return rows;
    }

    /** The buckets, with their changes by day only when an as-of day needs them. */
    private Map<String, Document> fetch(Collection<String> ids, ProjectionVersion version, LocalDate asOf) {
        String collection = version.collection(Buckets.COLLECTION);
        Map<String, Document> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            var chunk = all.subList(i, Math.min(all.size(), i + 500));
            Query query = Query.query(where("_id").in(chunk));
            query.fields().exclude(Position.MARKS);
            if (asOf == null) {
                query.fields().exclude(Buckets.CHANGES);
            }
            for (Document doc : mongo.find(query, Document.class, collection)) {
                found.put(doc.getString("_id"), doc);
            }
        }
        return found;
    }

    private List<String> groupsOf(Question q, ProjectionVersion version) {
        if (q.groupBy() == Dimension.PROVINCE) {
            return q.province() != null
                    ? List.of(q.province())
                    : groups.members(ReportGroups.NATIONAL, Dimension.PROVINCE, version);
        }
        if (q.filter() == q.groupBy()) {
            return List.of(q.filterValue());
        }
        return groups.members(q.province() != null ? q.province() : ReportGroups.NATIONAL, q.groupBy(), version);
    }

    private static String scopeOf(Question q, String group) {
        if (q.groupBy() == Dimension.PROVINCE) {
            return q.filter() == null
                    ? Buckets.scope(Dimension.PROVINCE, group)
                    : Buckets.scope(group, q.filter(), q.filterValue());
        }
        return q.province() == null
                ? Buckets.scope(q.groupBy(), group)
                : Buckets.scope(q.province(), q.groupBy(), group);
    }

    private List<String[]> periodsOf(Question q) {
        List<String[]> periods = new ArrayList<>();
        if (q.range()) {
            periods.add(new String[] {q.from() + ".." + q.to(), q.from().toString(), q.to().toString()});
            return periods;
        }
        Granularity g = q.granularity();
        for (LocalDate day = g.start(q.from());
                !day.isAfter(q.to());
                day = g.end(day).plusDays(1)) {
            periods.add(new String[] {g.key(day), day.toString(), g.end(day).toString()});
        }
        return periods;
    }

    /**
     * The groups' names: places as the admin-unit data names them, authorities as the events did, kinds, channels
     * and categories in the caller's language; a code nothing names (an old category) is its own name.
     */
    public Map<String, String> namesOf(Dimension dimension, List<String> values, ProjectionVersion version) {
        Map<String, String> names = new HashMap<>();
        switch (dimension) {
            case PROVINCE -> values.forEach(v -> adminUnits.province(v).ifPresent(p -> names.put(v, p.name())));
            case COMMUNE -> values.forEach(v -> adminUnits.commune(v).ifPresent(c -> names.put(v, c.name())));
            case AUTHORITY -> names.putAll(groups.authorityNames(values, version));
            case KIND -> labelled(names, values, Labels.KINDS);
            case CHANNEL -> labelled(names, values, Labels.CHANNELS);
            case CATEGORY -> labelled(names, values, Labels.CATEGORIES);
        }
        names.remove(Dimension.NONE);
        return names;
    }

    private static void labelled(Map<String, String> names, List<String> values, List<Labels.Label> labels) {
        // the request's language, as Spring MVC resolved it (Languages)
        Locale language = Languages.supported(LocaleContextHolder.getLocale());
        values.forEach(v ->
                names.put(v, Labels.of(labels, v).map(l -> l.name(language)).orElse(v)));
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
