package vn.gandan.localstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByIdFirstUnitTests {

    final List<Document> asked = new ArrayList<>();
    final Document stored = new Document("_id", "a").append("version", 3);

    /** The stock query: records what it is asked, answers the one document for its own _id. */
    QueryResult stock(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
        asked.add(query);
        return new QueryResult("a".equals(query.get("_id")) ? List.of(stored) : List.of());
    }

    QueryResult query(Document query) {
        return ByIdFirst.query(
                this::stock, (doc, q) -> q.get("version").equals(doc.get("version")), query, null, 0, 0, 0, null);
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
}
