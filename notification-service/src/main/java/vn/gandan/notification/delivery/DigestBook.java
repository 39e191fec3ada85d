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
 * mid-send sends them again, never loses them.
 *
 * <p>A digest's composition is recorded before it is sent ({@code sending}). A crash after sending and before the
 * members are marked sent then sends the same members again, under the same idempotency key, and the provider sees
 * one message; a nudge that joined meanwhile waits for the next digest instead of changing the key.
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

    /** @return the members, and the composition of a send that did not finish (empty if none) */
    Digest find(String digestKey) {
        Document digest = mongo.findById(digestKey, Document.class, COLLECTION);
        if (digest == null) {
            return new Digest(List.of(), List.of());
        }
        List<String> sending = digest.getList("sending", String.class);
        return new Digest(digest.getList("members", String.class), sending == null ? List.of() : sending);
    }

    /** Written before the digest goes out: a retry sends these members, as one message with the same key. */
    void sending(String digestKey, List<String> composition) {
        mongo.updateFirst(query(where("_id").is(digestKey)), new Update().set("sending", composition), COLLECTION);
    }

    /** The members went out: the digest closes, unless newer members joined meanwhile (they wait for the next). */
    void sent(String digestKey, List<String> members, Instant nextWindowEnd) {
        mongo.updateFirst(
                query(where("_id").is(digestKey)),
                new Update()
                        .pullAll("members", members.toArray())
                        .unset("sending")
                        .set("sendAt", nextWindowEnd),
                COLLECTION);
        mongo.remove(query(where("_id").is(digestKey).and("members").size(0)), COLLECTION);
    }

    /**
     * @param members the pending nudges of this recipient and channel
     * @param sending the members of a send begun and not finished, which a retry sends as they were
     */
    record Digest(List<String> members, List<String> sending) {

        /** Whom the next send is for, if still pending: an unfinished send's members, else all of them. */
        List<String> candidates() {
            return sending.isEmpty() ? members : sending;
        }

        /**
         * What the next message is made of, and so its key: an unfinished send's members as they were, else those
         * of the candidates still pending.
         */
        List<String> composition(List<String> pending) {
            return sending.isEmpty() ? pending : sending;
        }
    }
}
