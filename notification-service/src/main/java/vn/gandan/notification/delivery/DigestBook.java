package vn.gandan.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The open digests: per recipient and channel, the pending nudges that will go out together when the window
 * closes. One document per digest key, members added atomically; members are removed only once sent, so a crash
 * mid-send sends them again in the next digest, never loses them.
 */
@Component
class DigestBook {

    static final String COLLECTION = "digests";

    private final MongoTemplate mongo;

    DigestBook(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return when the digest goes out: the window's end, set by its first member */
    Instant add(String digestKey, String deliveryId, Instant windowEnd) {
        // Two single-document writes: the embedded store drops $addToSet from an upserting find-and-modify.
        mongo.upsert(query(where("_id").is(digestKey)), new Update().setOnInsert("sendAt", windowEnd), COLLECTION);
        Document digest = mongo.findAndModify(
                query(where("_id").is(digestKey)),
                new Update().addToSet("members", deliveryId),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                COLLECTION);
        return digest.getDate("sendAt").toInstant();
    }

    List<String> members(String digestKey) {
        Document digest = mongo.findById(digestKey, Document.class, COLLECTION);
        return digest == null ? List.of() : digest.getList("members", String.class);
    }

    /** The members went out: the digest closes, unless newer members joined meanwhile (they wait for the next). */
    void sent(String digestKey, List<String> members, Instant nextWindowEnd) {
        mongo.updateFirst(
                query(where("_id").is(digestKey)),
                new Update().pullAll("members", members.toArray()).set("sendAt", nextWindowEnd),
                COLLECTION);
        mongo.remove(query(where("_id").is(digestKey).and("members").size(0)), COLLECTION);
    }
}
