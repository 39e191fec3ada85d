package vn.gandan.reporting.resolution;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-aggregated figures. A bucket is keyed {@code <scope>|<period>}, the scope being one dimension
 * ({@code category=health}) or the province and one other dimension ({@code province=40,category=health}); these
 * are the combinations kept, so a report may group by one dimension and filter by the province and at most one
 * other dimension (the one grouped by, or another when grouping by province).
 *
 * <p>In each bucket, by the period of <b>receipt</b> (cohorts): {@code received}, {@code handled}, {@code onTime},
 * {@code escalations}, {@code transfers}, {@code repeats}, {@code notificationFailures} and {@code days.<n>} (how
 * many of the handled took n days, n = 0..365, 366 = more); by the period of <b>handling</b>: {@code handledHere},
 * which gives what was open at the end of a period. A historical petition (ADR 0017) is in none of these: it
 * counts only as {@code imported}, by the period of receipt, in the same scopes ({@link #contributionOf}).
 *
 * <p>For "as of" questions, each day and month bucket also keeps under {@code changes.<day>} by how much each of these
 * fields moved on that day (Viet Nam time of the events that moved it; see {@link #changesOf}): the figures as they
 * stood at the end of day D are the bucket minus every change after D, read from the same document. Year buckets
 * keep none (a year's would hold a year of days and be rewritten whole by every update): an as-of question reads
 * months instead. There are no quarter buckets: a quarter is read as its months ({@link Periods#keysOf}).
 *
 * <p>And per province the open cases by authority and by due day, for the overdue counts ({@link OpenCases#countsOf}).
 */
public final class Buckets {

    public static final String COLLECTION = "report_buckets";
    public static final int OVERFLOW_DAYS = 366;
    public static final String CHANGES = "changes";
    /** The petitions imported from a portal's records, by the period of receipt (ADR 0017). */
    public static final String IMPORTED = "imported";

    private Buckets() {}

    public static String scope(Dimension dimension, String value) {
        return dimension.code() + "=" + value;
    }

    public static String scope(String province, Dimension dimension, String value) {
        return dimension == Dimension.PROVINCE
                ? scope(Dimension.PROVINCE, province)
                : scope(Dimension.PROVINCE, province) + "," + scope(dimension, value);
    }

    public static String id(String scope, String period) {
        return scope + "|" + period;
    }

    /** A value (an authority id, a topic name…) as a field name: {@code .} and {@code $} would be read as a path or an operator. */
    static String fieldName(String value) {
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** The value a {@link #fieldName} was made from. */
    static String valueOf(String fieldName) {
        return fieldName.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /**
     * The one scope of three dimensions, only for the repeats (and written only by repeat petitions): which places
     * keep petitioning about the same thing, e.g. {@code province=40,commune=17605,category=health}.
     */
    public static String repeatScope(String province, String commune, String category) {
        return scope(province, Dimension.COMMUNE, commune) + "," + scope(Dimension.CATEGORY, category);
    }

    static String repeatScope(PetitionState state) {
        return repeatScope(state.provinceCode(), Dimension.COMMUNE.valueOf(state), Dimension.CATEGORY.valueOf(state));
    }

    /** The scopes a petition counts in: each dimension alone, and the province with each other dimension. */
    static List<String> scopesOf(PetitionState state) {
        var scopes = new java.util.ArrayList<String>();
        for (Dimension dimension : Dimension.values()) {
            scopes.add(scope(dimension, dimension.valueOf(state)));
            if (dimension != Dimension.PROVINCE) {
                scopes.add(scope(state.provinceCode(), dimension, dimension.valueOf(state)));
            }
        }
        return scopes;
    }

    /** A petition's contribution: bucket id → field → amount. Empty if it cannot be counted yet. */
    public static Map<String, Map<String, Long>> contributionOf(PetitionState state) {
        Map<String, Map<String, Long>> contribution = new TreeMap<>();
        if (!state.countable()) {
            return contribution;
        }
        List<String> receiptPeriods = Periods.keysOf(Periods.dateOf(state.receivedAt()));
        if (state.fromHistory()) {
            // ADR 0017: its outcome is unknown here, so it is in no rate, not open, no repeat; only on the record
            for (String scope : scopesOf(state)) {
                for (String period : receiptPeriods) {
                    contribution.put(id(scope, period), new TreeMap<>(Map.of(IMPORTED, 1L)));
                }
            }
            return contribution;
        }
        Map<String, Long> cohort = new LinkedHashMap<>();
        cohort.put("received", 1L);
        put(cohort, "handled", state.handled() ? 1 : 0);
        put(cohort, "onTime", Boolean.TRUE.equals(state.onTime()) ? 1 : 0);
        put(cohort, "escalations", state.escalations());
        put(cohort, "transfers", state.transfers());
        put(cohort, "repeats", state.countsAsRepeat() ? 1 : 0);
        put(cohort, "notificationFailures", state.notificationFailures());
        if (state.handled() && state.daysToHandle() != null) {
            cohort.put("days." + Math.min(Math.max(state.daysToHandle(), 0), OVERFLOW_DAYS), 1L);
        }
        List<String> handlingPeriods = state.handled() ? Periods.keysOf(Periods.dateOf(state.handledAt())) : List.of();
        if (state.countsAsRepeat()) {
            for (String period : receiptPeriods) {
                contribution
                        .computeIfAbsent(id(repeatScope(state), period), k -> new TreeMap<>())
                        .put("repeats", 1L);
            }
        }
        for (String scope : scopesOf(state)) {
            for (String period : receiptPeriods) {
                contribution
                        .computeIfAbsent(id(scope, period), k -> new TreeMap<>())
                        .putAll(cohort);
            }
            for (String period : handlingPeriods) {
                contribution
                        .computeIfAbsent(id(scope, period), k -> new TreeMap<>())
                        .merge("handledHere", 1L, Long::sum);
            }
        }
        contribution.putAll(OpenCases.countsOf(state));
        return contribution;
    }

    /**
     * The petition's contributions as they stood at the end of each day its events happened on, as changes by day:
     * bucket id → {@code changes.<day>.<field>} → amount. The state as of a day is derived from the events that
     * happened by then, so a late event moves the days from its own onwards and no earlier one; the changes of all
     * days add up to {@link #contributionOf} the whole timeline (for the day and month buckets, the only ones kept).
     */
    static Map<String, Map<String, Long>> changesOf(List<TimelineEntry> events) {
        Map<String, Map<String, Long>> changes = new TreeMap<>();
        java.util.SortedSet<LocalDate> days = new java.util.TreeSet<>();
        events.forEach(e -> days.add(Periods.dateOf(e.occurredAt())));
        Map<String, Map<String, Long>> before = Map.of();
        for (LocalDate day : days) {
            List<TimelineEntry> known = events.stream()
                    .filter(e -> !Periods.dateOf(e.occurredAt()).isAfter(day))
                    .toList();
            Map<String, Map<String, Long>> now = contributionOf(PetitionState.derive(known));
            String prefix = CHANGES + "." + day + ".";
            difference(before, now).forEach((bucket, fields) -> {
                if (Periods.keepsChanges(bucket.substring(bucket.lastIndexOf('|') + 1))) {
                    fields.forEach((field, value) -> changes.computeIfAbsent(bucket, k -> new TreeMap<>())
                            .put(prefix + field, value));
                }
            });
            before = now;
        }
        return changes;
    }

    /** The two sets of amounts in one: bucket id → field → amount. */
    static Map<String, Map<String, Long>> merge(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> merged = new TreeMap<>();
        a.forEach((bucket, fields) ->
                merged.computeIfAbsent(bucket, k -> new TreeMap<>()).putAll(fields));
        b.forEach((bucket, fields) -> fields.forEach((field, value) ->
                merged.computeIfAbsent(bucket, k -> new TreeMap<>()).merge(field, value, Long::sum)));
        return merged;
    }

    private static void put(Map<String, Long> fields, String field, long value) {
        if (value != 0) {
            fields.put(field, value);
        }
    }

    /** {@code after - before}, without zeros. */
    public static Map<String, Map<String, Long>> difference(
            Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> diff = new TreeMap<>();
        after.forEach((bucket, fields) -> fields.forEach((field, value) ->
                diff.computeIfAbsent(bucket, k -> new TreeMap<>()).merge(field, value, Long::sum)));
        before.forEach((bucket, fields) -> fields.forEach((field, value) ->
                diff.computeIfAbsent(bucket, k -> new TreeMap<>()).merge(field, -value, Long::sum)));
        diff.values().forEach(fields -> fields.values().removeIf(v -> v == 0));
        diff.values().removeIf(Map::isEmpty);
        return diff;
    }

    /** The nearest-rank percentile (0 &lt; p ≤ 1) of a histogram of days, or null if it is empty. */
    public static Integer percentile(long[] histogram, double p) {
        long n = 0;
        for (long count : histogram) {
            n += count;
        }
        if (n <= 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (int days = 0; days < histogram.length; days++) {
            seen += histogram[days];
            if (seen >= rank) {
                return days;
            }
        }
        return histogram.length - 1;
    }
}
