package vn.gandan.localstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both backends answer queries on {@code _id} and more as MongoDB does (a versioned save, a guarded upsert, a
 * miss), and the H2 one keeps its data file across a restart.
 */
class IndexedBackendsIntegrationTests {

    @TempDir
    Path dir;

    static <T> T withStore(MongoBackend backend, Function<MongoCollection<Document>, T> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            return work.apply(client.getDatabase("it").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }

    @Test
    void theH2StoreMatchesOnlyWhatItShouldAndKeepsItsDataAcrossARestart() {
        String file = dir.resolve("store.mv").toString();
        withStore(new IndexedH2Backend(file), IndexedBackendsIntegrationTests::queriesOnIdAndMore);
        Document reopened = withStore(new IndexedH2Backend(file), docs -> docs.find(Filters.eq("_id", "d7"))
                .first());
        assertThat(reopened.getInteger("n")).isEqualTo(107);
    }

    @Test
    void theMemoryStoreMatchesOnlyWhatItShould() {
        withStore(new IndexedMemoryBackend(), IndexedBackendsIntegrationTests::queriesOnIdAndMore);
    }

    @Test
    void bothStoresReadAPageOfAnIdRangeInOrder() {
        withStore(new IndexedMemoryBackend(), IndexedBackendsIntegrationTests::pagesOfAnIdRange);
        withStore(
                new IndexedH2Backend(dir.resolve("range.mv").toString()),
                IndexedBackendsIntegrationTests::pagesOfAnIdRange);
    }

    /** Ids inserted out of order, some removed and one put back: pages come in id order, bounds as MongoDB's. */
    static Void pagesOfAnIdRange(MongoCollection<Document> docs) {
        for (int i = 29; i >= 0; i--) {
            docs.insertOne(new Document("_id", String.format("40|%02d", i)).append("even", i % 2 == 0));
            docs.insertOne(new Document("_id", String.format("41|%02d", i)).append("even", i % 2 == 0));
        }
        docs.insertOne(new Document("_id", 40).append("even", true));
        docs.deleteMany(Filters.in("_id", "40|04", "40|05", "40|06"));
        docs.insertOne(new Document("_id", "40|05").append("even", false));
        // as Spring Data writes it (the driver's Filters.and would write an $and)
        Document range = new Document("_id", new Document("$gte", "40|").append("$lt", "40|10"));
        assertThat(ids(docs.find(range).sort(new Document("_id", 1)).limit(4)))
                .containsExactly("40|00", "40|01", "40|02", "40|03");
        assertThat(ids(docs.find(range).skip(3).limit(3))).containsExactly("40|03", "40|05", "40|07");
        assertThat(ids(docs.find(new Document(range).append("even", true)).limit(10)))
                .containsExactly("40|00", "40|02", "40|08");
        assertThat(ids(docs.find(new Document("_id", new Document("$gt", "40|27").append("$lte", "41|01")))
                        .limit(10)))
                .containsExactly("40|28", "40|29", "41|00", "41|01");
        assertThat(ids(docs.find(Filters.lt("_id", "40|02")).limit(10))).containsExactly("40|00", "40|01");
        return null;
    }

    static java.util.List<String> ids(Iterable<Document> found) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        found.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    static Void queriesOnIdAndMore(MongoCollection<Document> docs) {
        for (int i = 0; i < 50; i++) {
            docs.insertOne(new Document("_id", "d" + i).append("version", 0).append("n", i));
        }
        // a versioned save: matches with the right version, not with a stale one
        assertThat(docs.updateOne(
                                Filters.and(Filters.eq("_id", "d7"), Filters.eq("version", 0)),
                                Updates.combine(Updates.set("version", 1), Updates.inc("n", 100)))
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "d7"), Filters.eq("version", 0)), Updates.inc("n", 100))
                        .getModifiedCount())
                .isZero();
        // a guarded upsert: applied once; the second time the key is there, so nothing matches
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                docs.updateOne(
                        Filters.and(Filters.eq("_id", "b1"), Filters.ne("applied", "k1")),
                        Updates.combine(Updates.inc("received", 1), Updates.push("applied", "k1")),
                        new UpdateOptions().upsert(true));
            } catch (MongoWriteException duplicate) {
                assertThat(attempt).as("only the repeat finds the key").isEqualTo(1);
            }
        }
        assertThat(docs.find(Filters.eq("_id", "b1")).first().getInteger("received"))
                .isEqualTo(1);
        assertThat(docs.find(Filters.and(Filters.eq("_id", "d8"), Filters.gt("n", 100)))
                        .first())
                .isNull();
        assertThat(docs.find(Filters.and(Filters.eq("_id", "d8"), Filters.lt("n", 100)))
                        .first())
                .isNotNull();
        return null;
    }
}
