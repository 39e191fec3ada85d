package vn.gandan.support.outbox;

import com.mongodb.ErrorCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts new aggregates in one unordered bulk write, for a consumer that takes a poll at once. One whose {@code
 * _id} exists already (the same event handled twice at once), or that another unique key names already (a portal
 * reference sent twice at once), is refused and left as it is: the first record stands, and the caller learns
 * which were refused by what is not returned. A refusal fails the whole command, so no save event is published for the ones that did go in, and the
 * relay would only find their pending events at its next sweep; they are named to it here instead.
 *
 * <p>A bulk insert does not set an aggregate's {@code @Version} as the template's insert does: an aggregate that
 * has one must start at 0 itself.
 */
public class NewAggregates {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    NewAggregates(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** @return those inserted, in their order; any refusal but a duplicate key is thrown */
    public <T> List<T> insert(Class<T> type, List<T> aggregates, Function<T, Object> id) {
        if (aggregates.isEmpty()) {
            return List.of();
        }
        BulkOperations inserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        inserts.insert(aggregates);
        try {
            inserts.execute();
            return aggregates;
        } catch (BulkOperationException refused) {
            if (!refused.getErrors().stream().allMatch(e -> e.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                throw refused;
            }
            Set<Integer> duplicates = new HashSet<>();
            refused.getErrors().forEach(e -> duplicates.add(e.getIndex()));
            String collection = mongo.getCollectionName(type);
            List<T> inserted = new ArrayList<>();
            for (int i = 0; i < aggregates.size(); i++) {
                if (!duplicates.contains(i)) {
                    inserted.add(aggregates.get(i));
                    relay.pending(collection, id.apply(aggregates.get(i)));
                }
            }
            return inserted;
        }
    }
}
