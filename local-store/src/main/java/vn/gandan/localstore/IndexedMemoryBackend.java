package vn.gandan.localstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * mongo-java-server's in-memory backend, finding by {@code _id} first and reading {@code _id} ranges in order
 * ({@link ByIdFirst}).
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

        /** String ids in order → position: the stock index is a hash map, which has no order. */
        private final ConcurrentSkipListMap<String, Integer> idsInOrder = new ConcurrentSkipListMap<>();

        IndexedCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
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
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = super.addDocumentInternal(document);
            if (document.get("_id") instanceof String id) {
                idsInOrder.put(id, position);
            }
            return position;
        }

        @Override
        protected void removeDocument(Integer position) {
            Document removed = getDocument(position);
            super.removeDocument(position);
            if (removed != null && removed.get("_id") instanceof String id) {
                idsInOrder.remove(id, position);
            }
        }

        private Iterable<Document> ascendingFrom(String from) {
            // a position freed and reused meanwhile holds another document: skipped by its id
            return () -> idsInOrder.tailMap(from, true).entrySet().stream()
                    .map(entry -> {
                        Document document = getDocument(entry.getValue());
                        return document != null && entry.getKey().equals(document.get("_id")) ? document : null;
                    })
                    .filter(Objects::nonNull)
                    .iterator();
        }
    }
}
