package vn.gandan.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Saves aggregates read and changed together (a dispatcher's round) in one unordered bulk write, each replaced at
 * the version it was read at, as the template's save would one at a time. One that another writer changed
 * meanwhile is left as that writer left it; the caller learns which by what is not returned, where the template's
 * save would throw {@code OptimisticLockingFailureException}. A bulk write publishes no save events, so the relay
 * is told here of those with events.
 */
public class ChangedAggregates {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    ChangedAggregates(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * @param aggregates of one type, with an {@code @Version}, each read from the store before it was changed
     * @return those saved, in their order, their versions moved on; any refusal of the store is thrown
     */
    public <T> List<T> replace(Class<T> type, List<T> aggregates) {
        if (aggregates.isEmpty()) {
            return List.of();
        }
        MongoPersistentEntity<?> entity =
                mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        MongoPersistentProperty version = entity.getRequiredVersionProperty();
        List<Document> written = new ArrayList<>(aggregates.size());
        List<ReplaceOneModel<Document>> replacements = new ArrayList<>(aggregates.size());
        for (T aggregate : aggregates) {
            long read = ((Number) Objects.requireNonNull(
                            entity.getPropertyAccessor(aggregate).getProperty(version),
                            "a changed aggregate was read, so it has a version"))
                    .longValue();
            Document document = new Document();
            mongo.getConverter().write(aggregate, document);
            document.put(version.getFieldName(), read + 1);
            written.add(document);
            replacements.add(new ReplaceOneModel<>(
                    new Document("_id", document.get("_id")).append(version.getFieldName(), read), document));
        }
        String collection = entity.getCollection();
        BulkWriteResult result =
                mongo.execute(collection, c -> c.bulkWrite(replacements, new BulkWriteOptions().ordered(false)));
        boolean[] ours = result.getMatchedCount() == aggregates.size() ? null : ours(collection, written);
        List<T> saved = new ArrayList<>(aggregates.size());
        for (int i = 0; i < aggregates.size(); i++) {
            if (ours != null && !ours[i]) {
                continue;
            }
            T aggregate = aggregates.get(i);
            PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
            accessor.setProperty(version, written.get(i).get(version.getFieldName()));
            if (written.get(i).get(OutboxEntry.FIELD) instanceof List<?> events && !events.isEmpty()) {
                relay.pending(
                        collection, entity.getIdentifierAccessor(aggregate).getIdentifier());
            }
            saved.add(aggregate);
        }
        return saved;
    }

    /**
     * Some were not replaced: those whose stored document is the one written here are ours. The version alone
     * would not tell, as another writer's change moves it on by one too. One the relay's sweep cleared in between
     * is taken for another's: its caller reads it again later and finds it saved.
     */
    private boolean[] ours(String collection, List<Document> written) {
        Map<Object, Document> stored = new HashMap<>();
        mongo.find(query(where("_id").in(written.stream().map(d -> d.get("_id")).toList())), Document.class, collection)
                .forEach(d -> stored.put(d.get("_id"), d));
        boolean[] ours = new boolean[written.size()];
        for (int i = 0; i < written.size(); i++) {
            ours[i] = written.get(i).equals(stored.get(written.get(i).get("_id")));
        }
        return ours;
    }
}
