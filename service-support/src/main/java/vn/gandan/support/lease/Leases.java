package vn.gandan.support.lease;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases on single documents, so that several instances of a service share work with one owner per item at a
 * time: a lease is taken by one atomic find-and-modify and runs out by itself if its owner dies.
 */
public final class Leases {

    public static final String UNTIL = "leaseUntil";
    public static final String OWNER = "owner";

    private Leases() {}

    /**
     * Takes the lease on the document {@code which} matches, if nobody holds it or its lease ran out.
     *
     * @param which selects one document, e.g. by {@code _id} and the value it was read with
     * @return whether {@code owner} holds it now
     */
    public static boolean claim(
            MongoTemplate mongo, String collection, Criteria which, String owner, Duration lease, Instant now) {
        // which.orOperator keeps _id at the top of the query, so the embedded store finds it by _id first.
        var free = query(which.orOperator(unleased(now)));
        return mongo.findAndModify(
                        free,
                        taken(owner, lease, now),
                        FindAndModifyOptions.options().returnNew(true),
                        Document.class,
                        collection)
                != null;
    }

    /**
     * Takes the leases on every free document {@code which} matches in one write (an {@code updateMany}); the
     * caller reads back which of them {@code owner} now holds ({@link #heldBy}).
     */
    public static void claimAll(
            MongoTemplate mongo, String collection, Criteria which, String owner, Duration lease, Instant now) {
        // andOperator, not which.orOperator: the caller reuses its criteria for heldBy.
        var free = new Criteria().andOperator(which, new Criteria().orOperator(unleased(now)));
        mongo.updateMulti(query(free), taken(owner, lease, now), collection);
    }

    private static Criteria[] unleased(Instant now) {
        return new Criteria[] {where(UNTIL).exists(false), where(UNTIL).lt(now)};
    }

    private static Update taken(String owner, Duration lease, Instant now) {
        return new Update().set(UNTIL, now.plus(lease)).set(OWNER, owner);
    }

    /** The documents among {@code which} whose lease {@code owner} holds at {@code now}. */
    public static Criteria heldBy(Criteria which, String owner, Instant now) {
        return new Criteria()
                .andOperator(which, where(OWNER).is(owner), where(UNTIL).gt(now));
    }

    /** Frees the leases {@code owner} holds among {@code which}, without touching the rest of the documents. */
    public static void release(MongoTemplate mongo, String collection, Criteria which, String owner) {
        mongo.updateMulti(
                query(which.and(OWNER).is(owner)), new Update().unset(UNTIL).unset(OWNER), collection);
    }
}
