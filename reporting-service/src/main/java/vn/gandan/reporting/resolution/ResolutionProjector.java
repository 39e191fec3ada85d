package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;

/**
 * Applies an event to its petition's timeline, then moves the figures by the difference it made.
 *
 * <p>Guarantees, without multi-document transactions:
 *
 * <ol>
 *   <li>The event, the new state and the pending difference, with the {@link Position} of the record it was read
 *       from, are one document write (optimistic {@code @Version}; a lost race is retried by the Kafka error
 *       handler).
 *   <li>Each bucket keeps a high-water mark per writer and partition ({@code hw.<writer>|<topic>|<partition>}): it
 *       is moved by {@code $inc} only if its mark is below the record's offset, and the mark is set to that offset in
 *       the same single-document update. So retrying a difference never counts it twice, however many updates the
 *       bucket took meanwhile, and the guard is one comparison and a few fields, not a list of keys.
 *   <li>That is sound because a writer applies each partition in order, and a record that fails blocks its
 *       partition until it is retried or given up on: of a partition's records, at most the last one read has a
 *       difference still pending, and no bucket is marked past it. Before a record is given up on (dead letter, or
 *       skipped by a rebuild), {@link #settle} moves the buckets by what is pending, so that no later record of the
 *       partition marks a bucket past a difference it did not take.
 *   <li>The pending difference is cleared only after every bucket took it, and a pending difference is finished
 *       before the next event of the petition is applied and by a sweep at start-up, so none is lost. The clear is
 *       late on purpose: the finished ones are cleared together, once a second ({@link FinishedDifferences}); until
 *       then this instance skips them, and any other reader finishes them again, which point 2 makes a no-op.
 * </ol>
 *
 * <p>Every method takes the {@link ProjectionVersion} written to: the live listener passes the active one, a
 * rebuild the one it builds. The two are different writers ({@link Position#writer}), each in order on its own.
 */
@Service
public class ResolutionProjector {

    private static final Logger log = LoggerFactory.getLogger(ResolutionProjector.class);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final ReportGroups groups;
    private final OpenCases openCases;
    private final ProjectionVersions versions;
    private final FinishedDifferences finished;

    ResolutionProjector(
            MongoTemplate mongo,
            ReportGroups groups,
            OpenCases openCases,
            ProjectionVersions versions,
            FinishedDifferences finished) {
        this.mongo = mongo;
        this.groups = groups;
        this.openCases = openCases;
        this.versions = versions;
        this.finished = finished;
    }

    /** @param at the record the event was read from */
    public void apply(PetitionEvent event, ProjectionVersion version, Position at) {
        String id = event.petitionId().toString();
        String timelines = version.collection(PetitionTimeline.COLLECTION);
        PetitionTimeline timeline = mongo.findById(id, PetitionTimeline.class, timelines);
        if (timeline == null) {
            timeline = new PetitionTimeline(id);
        } else if (timeline.hasPending()) {
            if (finished.isFinished(timelines, timeline)) {
                timeline.pendingDone(); // cleared by the write below
            } else {
                finish(timeline, version);
            }
        }
        if (!timeline.add(event)) {
            return; // a replay or duplicate
        }
        boolean changed = timeline.recount(at);
        try {
            timeline = mongo.save(timeline, timelines);
        } catch (DuplicateKeyException raced) {
            throw new OptimisticLockingFailureException("timeline of " + id + " created concurrently", raced);
        }
        if (changed) {
            finish(timeline, version);
        }
    }

    /**
     * Moves the buckets by the timeline's pending difference, at most once each, then has it cleared: with others
     * in one write a moment later ({@link FinishedDifferences}), or by the petition's next write.
     */
    void finish(PetitionTimeline timeline, ProjectionVersion version) {
        moveBuckets(timeline, version.collection(Buckets.COLLECTION));
        PetitionState state = timeline.getState();
        if (state != null) {
            groups.record(state, timeline.countedBefore(), version);
            openCases.record(version, timeline.getPetitionId(), state, timeline.countedBefore(), timeline.getEvents());
        }
        finished.finished(
                version.collection(PetitionTimeline.COLLECTION), timeline.getPetitionId(), timeline.getRevision());
        timeline.pendingDone();
    }

    /**
     * Forgets what this instance remembers of its writes to a version (differences finished, groups recorded),
     * before the version's collections are dropped to be written again from scratch.
     */
    public void forget(ProjectionVersion version) {
        finished.forget(version);
        groups.forget(version);
    }

    /**
     * Before the record an event was read from is given up on: moves the buckets by whatever difference the
     * petition's timeline still has pending, while nothing after that record has been read from its partition, and
     * keeps only the rest (groups, open case) pending, for the petition's next event or the sweep.
     *
     * @throws RuntimeException if the store failed: then the record must not be given up on yet
     */
    public void settle(PetitionId petition, ProjectionVersion version) {
        String timelines = version.collection(PetitionTimeline.COLLECTION);
        PetitionTimeline timeline = mongo.findById(petition.toString(), PetitionTimeline.class, timelines);
        if (timeline == null || !timeline.amountsPending()) {
            return;
        }
        moveBuckets(timeline, version.collection(Buckets.COLLECTION));
        mongo.updateFirst(
                pendingOf(timeline), new Update().set("pending", List.of()).unset("pendingAt"), timelines);
        log.info("Settled the figures of petition {} before its event was given up on", petition);
    }

    private static Query pendingOf(PetitionTimeline timeline) {
        return Query.query(
                where("_id").is(timeline.getPetitionId()).and("revision").is(timeline.getRevision()));
    }

    /**
     * Every bucket's guarded upsert in one unordered bulk write (one round trip, however many buckets the event
     * moves). A duplicate key means that bucket did not match: its mark is at the record already, or another
     * instance created it in the same instant; those few are settled one by one.
     */
    private void moveBuckets(PetitionTimeline timeline, String collection) {
        Position at = timeline.pendingAt();
        if (at == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        timeline.pendingByBucket().forEach((bucket, fields) -> {
            Update update = new Update();
            fields.forEach(update::inc);
            update.set(at.guardField(), at.offset());
            ids.add(bucket);
            updates.add(update);
        });
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (int i = 0; i < ids.size(); i++) {
            bulk.upsert(notYetAt(ids.get(i), at), updates.get(i));
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            for (BulkWriteError error : e.getErrors()) {
                applyOnce(ids.get(error.getIndex()), at, updates.get(error.getIndex()), collection);
            }
        }
    }

    /** The bucket, if its mark is below the record (a missing mark is: {@code $not} matches it too). */
    private static Query notYetAt(String bucket, Position at) {
        return Query.query(where("_id").is(bucket).and(at.guardField()).not().gte(at.offset()));
    }

    /** One guarded upsert, tried again (up to three times) while another instance is creating the bucket. */
    private void applyOnce(String bucket, Position at, Update update, String collection) {
        for (int attempt = 1; ; attempt++) {
            // findOne, not exists: exists counts by aggregation, which the embedded store runs as a scan
            Query taken =
                    Query.query(where("_id").is(bucket).and(at.guardField()).gte(at.offset()));
            if (mongo.findOne(taken, Document.class, collection) != null) {
                return;
            }
            try {
                mongo.upsert(notYetAt(bucket, at), update, collection);
                return;
            } catch (DuplicateKeyException notMatched) {
                if (attempt == 3) {
                    // still pending in the timeline: the listener's retry (or the sweep) applies it later
                    throw new ConcurrencyFailureException("bucket " + bucket + " raced three times", notMatched);
                }
            }
        }
    }

    /**
     * Finishes what a stopped instance left pending in the active version (a rebuild left unfinished is started
     * again from scratch, so its version needs no sweep).
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        ProjectionVersion version = versions.active();
        var pending = mongo.find(
                Query.query(where("pending").exists(true)),
                PetitionTimeline.class,
                version.collection(PetitionTimeline.COLLECTION));
        for (PetitionTimeline timeline : pending) {
            if (timeline.hasPending()) {
                finish(timeline, version);
            }
        }
        finished.flush();
        if (!pending.isEmpty()) {
            log.info("Finished {} pending figure updates left from before", pending.size());
        }
    }
}
