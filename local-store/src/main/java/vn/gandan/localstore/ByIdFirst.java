package vn.gandan.localstore;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * What MongoDB's planner does and mongo-java-server does not: a query on one {@code _id} value <i>and</i> other
 * conditions finds the document by its {@code _id} first, then checks the rest. The stock backends look up by
 * {@code _id} only when it is the whole query, so every versioned save ({@code {_id: …, version: n}}), lease claim
 * and guarded upsert of the services scans the whole collection, slower with every document stored.
 */
final class ByIdFirst {

    /** The stock query of a collection. */
    interface Scan {
        QueryResult query(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector);
    }

    private ByIdFirst() {}

    static QueryResult query(
            Scan stock,
            BiPredicate<Document, Document> matches,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        Object id = query.get("_id");
        boolean byIdAndMore = query.size() > 1 && id != null && !(id instanceof Document) && !(id instanceof List);
        if (!byIdAndMore
                || fieldSelector != null && !fieldSelector.isEmpty()
                || orderBy != null && !orderBy.isEmpty()
                || skip > 0) {
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
}
