package vn.gandan.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store answers queries on {@code _id} and more exactly as the stock one, and keeps its data file. */
class IndexedH2BackendIntegrationTests {

    @TempDir
    Path dir;

    <T> T withStore(Path file, java.util.function.Function<MongoCollection<Document>, T> work) {
        MongoServer server = new MongoServer(new IndexedH2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            return work.apply(client.getDatabase("it").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }

    static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void queriesOnIdAndMoreMatchOnlyWhatTheyShouldAndDataOutlivesARestart() {
        Path file = dir.resolve("store.mv");
        withStore(file, docs -> {
            for (int i = 0; i < 50; i++) {
                docs.insertOne(new Document("_id", "d" + i).append("version", 0).append("n", i));
            }
            // a versioned save: matches with the right version, not with a stale one
            assertThat(docs.updateOne(
                                    Filters.and(Filters.eq("_id", "d7"), Filters.eq("version", 0)),
                                    Updates.combine(Updates.set("version", 1), Updates.inc("n", 100)))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(docs.updateOne(
                                    Filters.and(Filters.eq("_id", "d7"), Filters.eq("version", 0)),
                                    Updates.inc("n", 100))
                            .getModifiedCount())
                    .isZero();
            // a guarded upsert: applied once, the second time it finds the key and does not match
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    docs.updateOne(
                            Filters.and(Filters.eq("_id", "b1"), Filters.ne("applied", "k1")),
                            Updates.combine(Updates.inc("received", 1), Updates.push("applied", "k1")),
                            new UpdateOptions().upsert(true));
                } catch (com.mongodb.MongoWriteException duplicate) {
                    assertThat(attempt).as("only a repeat finds the key").isEqualTo(1);
                }
            }
            assertThat(docs.find(Filters.and(Filters.eq("_id", "d8"), Filters.gt("n", 100)))
                            .first())
                    .isNull();
            return null;
        });
        Document reopened =
                withStore(file, docs -> docs.find(Filters.eq("_id", "d7")).first());
        assertThat(reopened.getInteger("n")).isEqualTo(107);
        assertThat(withStore(file, docs -> docs.find(Filters.eq("_id", "b1")).first())
                        .getInteger("received"))
                .isEqualTo(1);
    }
}
