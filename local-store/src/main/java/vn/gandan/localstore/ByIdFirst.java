package vn.gandan.localstore;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What MongoDB's planner does and mongo-java-server does not: a query on one {@code _id} value <i>and</i> other
 * conditions finds the document by its {@code _id} first, then checks the rest. The stock backends look up by
 * {@code _id} only when it is the whole query, so every versioned save ({@code {_id: …, version: n}}), lease claim
 * and guarded upsert of the services scans the whole collection, slower with every document stored.
 *
 * <p>And a page of a string {@code _id} range ({@code {_id: {$gte: "40|", $lt: "40|2026"}}}, maybe with more
 * conditions, in {@code _id} order, with a limit) is read from the ids in order, as MongoDB reads its {@code _id}
 * index, stopping at the limit: the stock backends scan and sort the whole collection for it.
 */
final class ByIdFirst {

    /** The stock query of a collection. */
    interface Scan {
        QueryResult query(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector);
    }

    /** A collection's documents with a string {@code _id}, in {@code _id} order. */
    interface IdsInOrder {
        /** From the first string {@code _id} at or after {@code from}; may go on past the strings. */
        Iterable<Document> ascendingFrom(String from);
    }

    private ByIdFirst() {}

    static QueryResult query(
            Scan stock,
            BiPredicate<Document, Document> matches,
            IdsInOrder ids,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        Object id = query.get("_id");
        boolean byIdAndMore = query.size() > 1 && id != null && !(id instanceof Document) && !(id instanceof List);
        boolean projected = fieldSelector != null && !fieldSelector.isEmpty();
        IdRange range = IdRange.of(id);
        TopLevelFields fields = TopLevelFields.of(fieldSelector);
        if (range != null && limit > 0 && fields != null && inIdOrder(orderBy)) {
            return page(range, ids, matches, query, skip, limit, fields);
        }
        if (!byIdAndMore || projected || orderBy != null && !orderBy.isEmpty() || skip > 0) {
            return stock.query(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        List<Document> matching = new ArrayList<>(1);
        for (Document candidate : stock.query(new Document("_id", id), null, 0, 0, 0, null)) {
            if (matches.test(candidate, query)) {
                matching.add(candidate);
            }
        }
        return new QueryResult(matching);
    }

    private static boolean inIdOrder(Document orderBy) {
        return orderBy == null
                || orderBy.isEmpty()
                || orderBy.size() == 1 && Integer.valueOf(1).equals(orderBy.get("_id"));
    }

    private static QueryResult page(
            IdRange range,
            IdsInOrder ids,
            BiPredicate<Document, Document> matches,
            Document query,
            int skip,
            int limit,
            TopLevelFields fields) {
        List<Document> page = new ArrayList<>(Math.min(limit, 1_000));
        int toSkip = skip;
        for (Document candidate : ids.ascendingFrom(range.from() == null ? "" : range.from())) {
            if (!(candidate.get("_id") instanceof String id) || range.isBeyond(id)) {
                break;
            }
            if (!matches.test(candidate, query)) {
                continue;
            }
            if (toSkip > 0) {
                toSkip--;
                continue;
            }
            page.add(fields.project(candidate));
            if (page.size() == limit) {
                break;
            }
        }
        return new QueryResult(page);
    }

    /**
     * A projection of top-level fields only, all included or all excluded ({@code _id} either way), as Spring Data's
     * {@code fields().include(…)} and {@code exclude(…)} write it; none = the whole document.
     */
    record TopLevelFields(Set<String> named, boolean included, boolean withId) {

        /** The projection a field selector gives, or null if it asks for more (paths, operators, a mix). */
        static TopLevelFields of(Document selector) {
            if (selector == null || selector.isEmpty()) {
                return new TopLevelFields(Set.of(), false, true);
            }
            Set<String> named = new java.util.HashSet<>();
            Boolean included = null;
            boolean withId = true;
            for (var field : selector.entrySet()) {
                Boolean in = field.getValue() instanceof Number n
                        ? Boolean.valueOf(n.intValue() != 0)
                        : field.getValue() instanceof Boolean b ? b : null;
                if (in == null || field.getKey().contains(".") || field.getKey().startsWith("$")) {
                    return null;
                }
                if (field.getKey().equals("_id")) {
                    withId = in;
                    continue;
                }
                if (included != null && !included.equals(in)) {
                    return null;
                }
                included = in;
                named.add(field.getKey());
            }
            // {_id: 1} alone is the id only, {_id: 0} alone everything else
            return new TopLevelFields(named, included == null ? withId : included, withId);
        }

        Document project(Document document) {
            Document projected = new Document();
            document.forEach((name, value) -> {
                boolean keep = name.equals("_id") ? withId : named.contains(name) == included;
                if (keep) {
                    projected.put(name, value);
                }
            });
            return projected;
        }
    }

    /** String bounds of {@code _id}, each inclusive or not; null bound = open. */
    record IdRange(String from, String to, boolean toIncluded) {

        private static final Set<String> BOUNDS = Set.of("$gt", "$gte", "$lt", "$lte");

        /** The range an {@code _id} condition gives, or null if it is not only string bounds, at most one each side. */
        static IdRange of(Object condition) {
            if (!(condition instanceof Document bounds)
                    || bounds.isEmpty()
                    || !BOUNDS.containsAll(bounds.keySet())
                    || bounds.containsKey("$gt") && bounds.containsKey("$gte")
                    || bounds.containsKey("$lt") && bounds.containsKey("$lte")
                    || !bounds.values().stream().allMatch(String.class::isInstance)) {
                return null;
            }
            // the lower bound only says where to start: the query's own match drops an excluded first id
            String from = (String) (bounds.containsKey("$gt") ? bounds.get("$gt") : bounds.get("$gte"));
            String to = (String) (bounds.containsKey("$lt") ? bounds.get("$lt") : bounds.get("$lte"));
            return new IdRange(from, to, bounds.containsKey("$lte"));
        }

        boolean isBeyond(String id) {
            if (to == null) {
                return false;
            }
            int c = id.compareTo(to);
            return toIncluded ? c > 0 : c >= 0;
        }
    }
}
