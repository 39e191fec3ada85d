package vn.gandan.localstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/** mongo-java-server's in-memory backend, finding by {@code _id} first ({@link ByIdFirst}). */
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
            return ByIdFirst.query(
                    super::queryDocuments,
                    this::documentMatchesQuery,
                    query,
                    orderBy,
                    skip,
                    limit,
                    batchSize,
                    fieldSelector);
        }
    }
}
