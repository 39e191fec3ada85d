package vn.gandan.testsupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * mongo-java-server's in-memory backend with one change: a query on an {@code _id} value <i>and</i> other
 * conditions finds the document by the {@code _id} index first, then checks the rest, as MongoDB's planner does.
 * The stock backend uses the index only when {@code _id} is the whole query, so every versioned save ({@code {_id:
 * …, version: n}}), lease claim and guarded upsert scans the whole collection: tests and benchmarks would measure
 * that scan, growing with the data, rather than gandan.
 */
public class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String name) {
        return new IndexedDatabase(name, getCursorRegistry());
    }

    private static final class IndexedDatabase extends MemoryDatabase {
        private final CursorRegistry cursors;

        IndexedDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
            this.cursors = cursors;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
            return new IndexedCollection(this, name, options, cursors);
        }
    }

    private static final class IndexedCollection extends MemoryCollection {

        IndexedCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
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
