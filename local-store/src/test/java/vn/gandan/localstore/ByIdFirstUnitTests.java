package vn.gandan.localstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class ByIdFirstUnitTests {

    final List<Document> asked = new ArrayList<>();
    final Document stored = new Document("_id", "a").append("version", 3);

    /** The stock query: records what it is asked, answers the one document for its own _id. */
    QueryResult stock(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        asked.add(query);
        return new QueryResult("a".equals(query.get("_id")) ? List.of(stored) : List.of());
    }

    /** A query on one _id, as an update's: no order, skip, limit or projection. */
    QueryResult query(Document query) {
        BiPredicate<Document, Document> matcher = (doc, q) -> q.get("version").equals(doc.get("version"));
        return ByIdFirst.query(this::stock, matcher, from -> List.of(), query, null, 0, 0, 0, null);
    }

    @Test
    void anIdAndMoreIsLookedUpByIdThenMatched() {
        assertThat(query(new Document("_id", "a").append("version", 3))).containsExactly(stored);
        assertThat(query(new Document("_id", "a").append("version", 2))).isEmpty();
        assertThat(asked).as("the stock query is asked by _id alone").containsOnly(new Document("_id", "a"));
    }

    @Test
    void anythingElseGoesToTheStockQueryAsItIs() {
        Document noId = new Document("version", 3);
        Document idAlone = new Document("_id", "a");
        Document idOperator = new Document("_id", new Document("$in", List.of("a"))).append("version", 3);
        query(noId);
        query(idAlone);
        query(idOperator);
        assertThat(asked).containsExactly(noId, idAlone, idOperator);
    }

    @Test
    void aPageOfAnIdRangeIsReadInIdOrderFromTheFirstIdOnAndStopsAtItsLimitOrItsEnd() {
        List<Document> inOrder = new ArrayList<>();
        for (String id : List.of("40|a", "40|b", "40|c", "40|d", "41|a")) {
            inOrder.add(new Document("_id", id).append("odd", !id.endsWith("b") && !id.endsWith("d")));
        }
        List<String> startedAt = new ArrayList<>();
        ByIdFirst.IdsInOrder ids = from -> {
            startedAt.add(from);
            return inOrder.stream()
                    .filter(d -> ((String) d.get("_id")).compareTo(from) >= 0)
                    .toList();
        };
        Document range = new Document("_id", new Document("$gt", "40|a").append("$lt", "41|"));
        BiPredicate<Document, Document> inRange = (doc, q) -> {
            String id = (String) doc.get("_id");
            return id.compareTo("40|a") > 0 && id.compareTo("41|") < 0;
        };
        assertThat(ids(ByIdFirst.query(this::stock, inRange, ids, range, null, 0, 10, 0, null)))
                .containsExactly("40|b", "40|c", "40|d");
        assertThat(ids(ByIdFirst.query(this::stock, inRange, ids, range, new Document("_id", 1), 1, 1, 0, null)))
                .containsExactly("40|c");
        BiPredicate<Document, Document> oddInRange = inRange.and((doc, q) -> (Boolean) doc.get("odd"));
        assertThat(ids(ByIdFirst.query(this::stock, oddInRange, ids, range, null, 0, 10, 0, null)))
                .containsExactly("40|c");
        assertThat(startedAt).containsOnly("40|a");
        assertThat(asked).as("none of these scan").isEmpty();
    }

    @Test
    void aPageKeepsOnlyTheTopLevelFieldsAskedFor() {
        Document doc = new Document("_id", "40|a").append("a", 1).append("applied", List.of("k"));
        ByIdFirst.IdsInOrder ids = from -> List.of(doc);
        BiPredicate<Document, Document> any = (d, q) -> true;
        Document range = new Document("_id", new Document("$gte", "40|"));
        assertThat(ByIdFirst.query(this::stock, any, ids, range, null, 0, 5, 0, new Document("a", 1)))
                .containsExactly(new Document("_id", "40|a").append("a", 1));
        assertThat(ByIdFirst.query(this::stock, any, ids, range, null, 0, 5, 0, new Document("applied", 0)))
                .containsExactly(new Document("_id", "40|a").append("a", 1));
        assertThat(ByIdFirst.query(
                        this::stock, any, ids, range, null, 0, 5, 0, new Document("a", true).append("_id", 0)))
                .containsExactly(new Document("a", 1));
        assertThat(ByIdFirst.query(this::stock, any, ids, range, null, 0, 5, 0, new Document("_id", 1)))
                .containsExactly(new Document("_id", "40|a"));
        assertThat(doc).as("the stored document is untouched").containsKey("applied");
        assertThat(asked).isEmpty();
    }

    @Test
    void aRangeWithoutALimitOrInAnotherOrderOrWithOtherBoundsGoesToTheStockQuery() {
        ByIdFirst.IdsInOrder none = from -> {
            throw new AssertionError("read in order from " + from);
        };
        BiPredicate<Document, Document> any = (doc, q) -> true;
        Document range = new Document("_id", new Document("$gte", "40|"));
        ByIdFirst.query(this::stock, any, none, range, null, 0, 0, 0, null);
        ByIdFirst.query(this::stock, any, none, range, new Document("dueAt", 1), 0, 5, 0, null);
        ByIdFirst.query(this::stock, any, none, range, null, 0, 5, 0, new Document("n.m", 1));
        ByIdFirst.query(this::stock, any, none, range, null, 0, 5, 0, new Document("n", 1).append("m", 0));
        Document numeric = new Document("_id", new Document("$gte", 4));
        ByIdFirst.query(this::stock, any, none, numeric, null, 0, 5, 0, null);
        Document in = new Document("_id", new Document("$gte", "40|").append("$in", List.of("40|a")));
        ByIdFirst.query(this::stock, any, none, in, null, 0, 5, 0, null);
        assertThat(asked).hasSize(6);
    }

    static List<String> ids(QueryResult result) {
        List<String> ids = new ArrayList<>();
        result.forEach(d -> ids.add(((String) d.get("_id"))));
        return ids;
    }
}
