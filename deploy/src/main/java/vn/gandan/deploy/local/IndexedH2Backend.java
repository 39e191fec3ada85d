package vn.gandan.deploy.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 backend with one change: a query on an {@code _id} value <i>and</i> other conditions
 * finds the document by its {@code _id} first, then checks the rest, as MongoDB's planner does. The stock backend
 * looks up by {@code _id} only when it is the whole query, so every versioned save ({@code {_id: …, version: n}}),
 * lease claim and guarded upsert of the services scans the whole collection, slower with every document stored.
 * The data layout is the stock one (same maps), so existing local data files open unchanged.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new Database(name);
    }

    /**
     * Inner, not static: H2Database's constructor opens the existing collections before a subclass's fields are
     * set, and the enclosing backend (its store, its cursors) is there already.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(name);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, name, options, data, meta, getCursorRegistry());
        }
    }

    private static final class Collection extends H2Collection {

        Collection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.get("_id");
            boolean byIdAndMore = query.size() > 1 && id != null && !(id instanceof Document) && !(id instanceof List);
            if (!byIdAndMore
                    || fieldSelector != null && !fieldSelector.isEmpty()
                    || orderBy != null && !orderBy.isEmpty()
                    || skip > 0) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Document> matching = new ArrayList<>(1);
            for (Document candidate : super.queryDocuments(new Document("_id", id), null, 0, 0, 0, null)) {
                if (documentMatchesQuery(candidate, query)) {
                    matching.add(candidate);
                }
            }
            return new QueryResult(matching);
        }
    }
}
