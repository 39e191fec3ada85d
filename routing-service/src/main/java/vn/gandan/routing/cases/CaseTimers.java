package vn.gandan.routing.cases;

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
 * When each open case next owes a deadline alert: a small collection (one entry per case that owes one), so the
 * scheduler never scans the cases (the embedded store uses only {@code _id} and unique indexes), and leases, so
 * several instances share the work with one owner per case at a time.
 *
 * <p>A timer is only a hint: the case document holds the truth (which alerts fired), so a timer that fires early
 * or twice emits nothing new. It is written before the case, and only ever earlier ({@code $min}), so a crash
 * between the two writes leaves a timer that fires too early, never one that is missing.
 */
@Component
class CaseTimers {

    static final String COLLECTION = "case_timers";

    private final MongoTemplate mongo;
    private final Clock clock;

    CaseTimers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    record Timer(String petitionId, Instant at) {}

    /** The case owes an alert at {@code at} or earlier; nothing when it owes none. */
    void dueBy(String petitionId, Instant at) {
        if (at != null) {
            mongo.upsert(query(where("_id").is(petitionId)), new Update().min("at", at), COLLECTION);
        }
    }

    /** Each case owes an alert at its time or earlier, in one bulk write. */
    void dueBy(Map<String, Instant> due) {
        if (due.isEmpty()) {
            return;
        }
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        due.forEach((petitionId, at) -> upserts.upsert(query(where("_id").is(petitionId)), new Update().min("at", at)));
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

    List<Timer> due(int limit) {
        return mongo.find(query(where("at").lte(clock.instant())).limit(limit), Document.class, COLLECTION).stream()
                .map(d -> new Timer(d.getString("_id"), d.getDate("at").toInstant()))
                .toList();
    }

    /** Takes the lease on a due timer; false if another instance holds it or it changed meanwhile. */
    boolean claim(Timer timer, String owner, Duration lease) {
        return Leases.claim(mongo, COLLECTION, same(timer), owner, lease, clock.instant());
    }

    /**
     * After the owner handled the case: the next alert, or none. Left alone if an action moved the timer
     * meanwhile (it set an earlier {@code at}), which the next round handles.
     */
    void handled(Timer timer, String owner, Instant next) {
        Query mine = query(where("_id")
                .is(timer.petitionId())
                .and("at")
                .is(timer.at())
                .and("owner")
                .is(owner));
        boolean done = next == null
                ? mongo.remove(mine, COLLECTION).getDeletedCount() > 0
                : mongo.updateFirst(
                                        mine,
                                        new Update()
                                                .set("at", next)
                                                .unset("leaseUntil")
                                                .unset("owner"),
                                        COLLECTION)
                                .getModifiedCount()
                        > 0;
        if (!done) {
            mongo.updateFirst(
                    query(where("_id").is(timer.petitionId()).and("owner").is(owner)),
                    new Update().unset("leaseUntil").unset("owner"),
                    COLLECTION);
        }
    }

    /** The timer as it was read: one an action moved meanwhile is another timer. */
    private static Criteria same(Timer timer) {
        return where("_id").is(timer.petitionId()).and("at").is(timer.at());
    }

    long count() {
        return mongo.estimatedCount(COLLECTION);
    }
}
