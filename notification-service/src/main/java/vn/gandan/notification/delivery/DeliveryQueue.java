package vn.gandan.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.gandan.support.lease.Leases;

/**
 * What is due to go out, and when: one small entry per pending delivery (or open digest), so the dispatcher never
 * scans the deliveries (the embedded store uses only {@code _id} and unique indexes), with leases so that several
 * instances share the work with one sender per entry. An entry is written before its delivery and deleted after
 * the delivery is final: a crash between leaves an entry that finds nothing to do, never a pending delivery that
 * nobody will send.
 */
@Component
class DeliveryQueue {

    static final String COLLECTION = "delivery_queue";
    static final String DIGEST_PREFIX = "digest:";

    private final MongoTemplate mongo;
    private final Clock clock;

    DeliveryQueue(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    record Entry(String id, Instant at) {
        boolean isDigest() {
            return id.startsWith(DIGEST_PREFIX);
        }

        String digestKey() {
            return id.substring(DIGEST_PREFIX.length());
        }
    }

    /** Due at {@code at} or earlier: an earlier time already queued stands. */
    void dueBy(String id, Instant at) {
        dueBy(Map.of(id, at));
    }

    /** Each entry due at its time or earlier, in one bulk write. */
    void dueBy(Map<String, Instant> due) {
        if (due.isEmpty()) {
            return;
        }
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        due.forEach((id, at) -> upserts.upsert(query(where("_id").is(id)), new Update().min("at", at)));
        upserts.execute();
    }

    /**
     * The scheduler asks every few seconds for what is due ({@code at <= now}): on a real MongoDB an index keeps that
     * from scanning the collection. Creating an existing index changes nothing; the embedded store ignores it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndex() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC));
    }

    List<Entry> due(int limit) {
        return entries(query(where("at").lte(clock.instant())).limit(limit));
    }

    /**
     * Takes the leases on those of {@code due} that are still due and free, in one write, and returns the entries
     * this instance holds now, as they stand (one may have been queued earlier meanwhile).
     */
    List<Entry> claim(List<Entry> due, String owner, Duration lease) {
        if (due.isEmpty()) {
            return List.of();
        }
        List<String> ids = due.stream().map(Entry::id).toList();
        Instant now = clock.instant();
        Leases.claimAll(mongo, COLLECTION, where("_id").in(ids).and("at").lte(now), owner, lease, now);
        return entries(query(Leases.heldBy(where("_id").in(ids), owner, now)));
    }

    private List<Entry> entries(Query query) {
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> new Entry(d.getString("_id"), d.getDate("at").toInstant()))
                .toList();
    }

    /** The entry's work is final: remove it, unless something queued it earlier meanwhile. */
    void done(Entry entry, String owner) {
        doneAll(List.of(entry), owner);
    }

    /**
     * The entries' work is final: all removed in one write, each unless something queued it again meanwhile
     * (another due time); those that were are released, in one more write, to go out at their new time.
     */
    void doneAll(List<Entry> entries, String owner) {
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        entries.forEach(
                entry -> removals.remove(query(same(entry).and(Leases.OWNER).is(owner))));
        if (removals.execute().getDeletedCount() < entries.size()) {
            List<String> ids = entries.stream().map(Entry::id).toList();
            Leases.release(mongo, COLLECTION, where("_id").in(ids), owner);
        }
    }

    /**
     * Due at {@code at}, later than it may stand: a delivery sent again by an operator. Moving the time keeps a
     * sender that has just finished the delivery's last attempt from removing the entry ({@link #doneAll} removes
     * only the time it handled).
     */
    void dueAgain(String id, Instant at) {
        mongo.upsert(query(where("_id").is(id)), new Update().set("at", at), COLLECTION);
    }

    /** Not done yet: try again at {@code next}. */
    void later(Entry entry, String owner, Instant next) {
        var moved = mongo.updateFirst(
                query(same(entry).and(Leases.OWNER).is(owner)),
                new Update().set("at", next).unset(Leases.UNTIL).unset(Leases.OWNER),
                COLLECTION);
        if (moved.getModifiedCount() == 0) {
            Leases.release(mongo, COLLECTION, where("_id").is(entry.id()), owner);
        }
    }

    long count() {
        return mongo.estimatedCount(COLLECTION);
    }

    private static Criteria same(Entry entry) {
        return where("_id").is(entry.id()).and("at").is(entry.at());
    }
}
