package vn.gandan.localstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, finding by {@code _id} first and reading {@code _id} ranges in order from its
 * data map, which is kept by {@code _id} ({@link ByIdFirst}). The data layout is the stock
 * one (the same maps), so existing data files open unchanged.
 */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(String file) {
        super(file);
    }

    /** On a store opened by the caller, with its own settings (a handler for failures of its background writer). */
    public IndexedH2Backend(MVStore store) {
        super(store);
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
            return new Collection(this, name, options, data, meta, getCursorRegistry(), getMvStore());
        }
    }

    private static final class Collection extends H2Collection {

        private final MVMap<Object, Document> data;
        private final MVStore store;

        Collection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors,
                MVStore store) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
            this.store = store;
        }

        /**
         * A query reads one version of the store, pinned while it runs: otherwise a scan longer than the store's
         * retention time (45 s) may find the chunks it reads reclaimed by the writes meanwhile ("Chunk … not found",
         * h2database#4383; the reporting benchmark met it counting a million buckets).
         */
        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            MVStore.TxCounter pinned = store.registerVersionUsage();
            try {
                return ByIdFirst.query(
                        super::queryDocuments,
                        this::documentMatchesQuery,
                        this::ascendingFrom,
                        query,
                        orderBy,
                        skip,
                        limit,
                        batchSize,
                        fieldSelector);
            } finally {
                store.deregisterVersionUsage(pinned);
            }
        }

        private Iterable<Document> ascendingFrom(String from) {
            return () -> {
                Cursor<Object, Document> cursor = data.cursor(from);
                return new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return cursor.hasNext();
                    }

                    @Override
                    public Document next() {
                        cursor.next();
                        return cursor.getValue();
                    }
                };
            };
        }
    }
}
