package vn.gandan.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.gandan.support.lease.Leases;

/**
 * A small collection naming the aggregates that have pending events, so the relay never scans the big ones (the
 * embedded store uses only {@code _id} and unique indexes). Entries are deleted once their events are published.
 */
class OutboxHints {

    static final String COLLECTION = "outbox_hints";

    private final MongoTemplate mongo;
    private final Clock clock;

    OutboxHints(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    record Hint(String id, String collection, Object aggregateId) {}

    void mark(String collection, Object aggregateId) {
        mongo.upsert(
                query(where("_id").is(key(collection, aggregateId))),
                new Update()
                        .setOnInsert("collection", collection)
                        .setOnInsert("aggregateId", aggregateId)
                        .setOnInsert("createdAt", clock.instant()),
                COLLECTION);
    }

    List<Hint> candidates(int limit) {
        return mongo.find(new Query().limit(limit), Document.class, COLLECTION).stream()
                .map(d -> new Hint(d.getString("_id"), d.getString("collection"), d.get("aggregateId")))
                .toList();
    }

    /**
     * Takes the leases on the free hints among {@code candidates} in one write, and returns those this relay
     * holds now (others may be another instance's).
     */
    List<Hint> claim(List<Hint> candidates, String owner, Duration lease) {
        Criteria ids = where("_id").in(candidates.stream().map(Hint::id).toList());
        Instant now = clock.instant();
        Leases.claimAll(mongo, COLLECTION, ids, owner, lease, now);
        Set<String> held = mongo.find(query(Leases.heldBy(ids, owner, now)), Document.class, COLLECTION).stream()
                .map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
        return candidates.stream().filter(h -> held.contains(h.id())).toList();
    }

    /** Deletes the hints, in one write; only those this relay still holds. */
    void release(List<Hint> held, String owner) {
        mongo.remove(
                query(where("_id")
                        .in(held.stream().map(Hint::id).toList())
                        .and(Leases.OWNER)
                        .is(owner)),
                COLLECTION);
    }

    /** {@link #oldest()} runs at every metrics scrape: sorted by an index, not by a scan, on a real MongoDB. */
    void ensureIndex() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC));
    }

    long count() {
        return mongo.estimatedCount(COLLECTION);
    }

    Optional<Instant> oldest() {
        Document first = mongo.findOne(new Query().with(Sort.by("createdAt")).limit(1), Document.class, COLLECTION);
        return Optional.ofNullable(first).map(d -> d.getDate("createdAt").toInstant());
    }

    static Criteria pending() {
        return where(OutboxEntry.FIELD + ".0").exists(true);
    }

    private static String key(String collection, Object aggregateId) {
        return collection + "/" + aggregateId;
    }
}
