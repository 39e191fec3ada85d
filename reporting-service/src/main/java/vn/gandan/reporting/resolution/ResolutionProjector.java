package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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
    private static final String VERSION = "version";

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
        Batch batch = batch(version);
        batch.add(event, at);
        batch.write();
    }

    /** Events applied together (a poll's), their writes gathered; see {@link Batch}. */
    public Batch batch(ProjectionVersion version) {
        return new Batch(version);
    }

    /**
     * A poll's events, applied in the order added, with one write per collection instead of one per event: first
     * the timelines (each with its pending difference), then every bucket the differences move, in one ordered
     * bulk and in the order of the records, then the groups and open cases. So after a crash between the first two
     * writes a partition may have several pending differences, those of its last batch; every reader takes them in
     * the order of their records (the listener reads them again in order, {@link #sweep} sorts them), so no mark
     * passes a difference it did not take (ADR 0016).
     *
     * <p>A petition met twice in one batch cannot make its second difference before the first is taken, so its second
     * event waits for the next round: the batch is written in rounds, each with a petition's events once at most.
     * With it waits every later record of its partition, since a bucket's mark may not pass a record it did not
     * take. When reporting is behind, a poll brings most petitions two or three times (their intake, routing and
     * notification events sit on the same partition number of each topic, which one consumer is given), so this
     * costs a few rounds a poll where writing at each petition met again cost one per petition. A pending
     * difference found in the store that this instance did not finish (left by a crash or another instance) writes
     * the round gathered so far: it is taken before its timeline is written over.
     */
    public final class Batch {

        private final ProjectionVersion version;
        private final String timelines;
        private final Set<String> met = new HashSet<>();
        private final List<PetitionTimeline> changed = new ArrayList<>();
        private final List<PetitionTimeline> toFinish = new ArrayList<>();
        /** Timelines read ahead, by petition; null where none is stored yet. Each is taken once. */
        private final Map<String, PetitionTimeline> readAhead = new HashMap<>();
        /** The timelines this batch has read, as written by its last round: what a later round goes on from. */
        private final Map<String, PetitionTimeline> taken = new HashMap<>();
        /** Events for the next round, in record order, and the partitions they hold back. */
        private final List<Later> later = new ArrayList<>();

        private final Set<String> heldBack = new HashSet<>();

        private record Later(PetitionEvent event, Position at) {}

        private Batch(ProjectionVersion version) {
            this.version = version;
            this.timelines = version.collection(PetitionTimeline.COLLECTION);
        }

        /**
         * Reads the timelines of the petitions about to be added in one query, instead of one each as they come.
         * A petition's second event in the batch goes on, in the next round, from the timeline the first wrote.
         */
        public void readAhead(Collection<PetitionId> petitions) {
            Set<String> ids = new HashSet<>();
            petitions.forEach(p -> ids.add(p.toString()));
            ids.removeAll(met);
            ids.forEach(id -> readAhead.put(id, null));
            mongo.find(Query.query(where("_id").in(ids)), PetitionTimeline.class, timelines)
                    .forEach(timeline -> readAhead.put(timeline.getPetitionId(), timeline));
        }

        private PetitionTimeline read(String id) {
            if (taken.containsKey(id)) {
                return taken.get(id);
            }
            PetitionTimeline timeline = readAhead.containsKey(id)
                    ? readAhead.remove(id)
                    : mongo.findById(id, PetitionTimeline.class, timelines);
            if (timeline != null) {
                taken.put(id, timeline);
            }
            return timeline;
        }

        /** @param at the record the event was read from */
        public void add(PetitionEvent event, Position at) {
            String id = event.petitionId().toString();
            String partition = at.mark();
            if (met.contains(id) || heldBack.contains(partition)) {
                later.add(new Later(event, at));
                heldBack.add(partition);
                return;
            }
            PetitionTimeline timeline = read(id);
            if (timeline == null) {
                timeline = new PetitionTimeline(id);
                taken.put(id, timeline);
            } else if (timeline.hasPending()) {
                if (finished.isFinished(timelines, timeline)) {
                    timeline.pendingDone(); // cleared by the write of this event
                } else {
                    toFinish.add(timeline);
                    writeRound(); // what waits for the next round is of other petitions
                }
            }
            met.add(id);
            if (!timeline.add(event)) {
                return; // a replay or duplicate
            }
            boolean counts = timeline.recount(at);
            changed.add(timeline);
            if (counts) {
                toFinish.add(timeline);
            }
        }

        /** Writes what was added, round after round, then forgets it. */
        public void write() {
            writeRound();
            while (!later.isEmpty()) {
                List<Later> round = List.copyOf(later);
                later.clear();
                heldBack.clear();
                round.forEach(next -> add(next.event(), next.at()));
                writeRound();
            }
        }

        /** Writes this round's events, in the order above. */
        private void writeRound() {
            saveAll(changed, timelines);
            moveBuckets(toFinish, version.collection(Buckets.COLLECTION));
            OpenCases.Writes openCaseWrites = openCases.writes(version);
            for (PetitionTimeline timeline : toFinish) {
                PetitionState state = timeline.getState();
                if (state != null) {
                    groups.record(state, timeline.countedBefore(), version);
                    openCaseWrites.record(
                            timeline.getPetitionId(), state, timeline.countedBefore(), timeline.getEvents());
                }
            }
            openCaseWrites.write();
            for (PetitionTimeline timeline : toFinish) {
                finished.finished(timelines, timeline.getPetitionId(), timeline.getRevision());
                timeline.pendingDone();
            }
            met.clear();
            changed.clear();
            toFinish.clear();
        }
    }

    /**
     * New timelines inserted, the others replaced at the version they were read at, in one ordered bulk; a
     * timeline another writer changed meanwhile (or created) fails it, for the Kafka error handler to retry.
     */
    private void saveAll(List<PetitionTimeline> changed, String collection) {
        if (changed.isEmpty()) {
            return;
        }
        // Converted once here, and not mapped again by the bulk (orderedBulk).
        List<WriteModel<Document>> saves = new ArrayList<>(changed.size());
        for (PetitionTimeline timeline : changed) {
            Document document = new Document();
            mongo.getConverter().write(timeline, document);
            Long read = timeline.version();
            document.put(VERSION, read == null ? 0L : read + 1);
            if (read == null) {
                saves.add(new InsertOneModel<>(document));
            } else {
                Document current = new Document("_id", timeline.getPetitionId()).append(VERSION, read);
                saves.add(new ReplaceOneModel<>(current, document));
            }
        }
        BulkWriteResult result;
        try {
            result = orderedBulk(collection, saves);
        } catch (DataAccessException failed) {
            // Only a duplicate key is a lost race; any other refusal is the store's and keeps its own kind.
            List<BulkWriteError> refused = refusals(failed);
            if (!refused.isEmpty() && refused.stream().allMatch(e -> e.getCode() == DUPLICATE_KEY)) {
                throw new OptimisticLockingFailureException("a timeline was created concurrently", failed);
            }
            throw failed;
        }
        if (result.getInsertedCount() + result.getMatchedCount() != changed.size()) {
            throw new OptimisticLockingFailureException("a timeline was changed concurrently");
        }
        for (PetitionTimeline timeline : changed) {
            Long read = timeline.version();
            timeline.savedAt(read == null ? 0L : read + 1);
        }
    }

    /**
     * Moves the buckets by the timelines' pending differences, in the order given, at most once each, then has them
     * cleared: with others in one write a moment later ({@link FinishedDifferences}), or by the petition's next
     * write.
     */
    void finish(List<PetitionTimeline> pending, ProjectionVersion version) {
        Batch batch = batch(version);
        batch.toFinish.addAll(pending);
        batch.write();
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
        moveBuckets(List.of(timeline), version.collection(Buckets.COLLECTION));
        mongo.updateFirst(
                pendingOf(timeline), new Update().set("pending", List.of()).unset("pendingAt"), timelines);
        log.info("Settled the figures of petition {} before its event was given up on", petition);
    }

    private static Query pendingOf(PetitionTimeline timeline) {
        return Query.query(
                where("_id").is(timeline.getPetitionId()).and("revision").is(timeline.getRevision()));
    }

    /** One bucket's share of a pending difference, guarded by the record it came from. */
    private record Move(String bucket, Map<String, Long> fields, Position at) {

        Update update() {
            Update update = new Update();
            fields.forEach(update::inc);
            return update.set(at.guardField(), at.offset());
        }

        /**
         * As the driver takes it: a poll moves thousands of buckets, and mapping each through Spring's query and
         * update mappers was most of the consumer's time. The fields are plain names and numbers, nothing to map.
         */
        UpdateOneModel<Document> model() {
            return new UpdateOneModel<>(
                    notYetAt(bucket, at).getQueryObject(),
                    update().getUpdateObject(),
                    new UpdateOptions().upsert(true));
        }
    }

    /**
     * Every bucket's guarded upsert of these differences in one ordered bulk write (one round trip, however many
     * buckets the events move), in the order given: one partition's moves of a bucket must come in the order of
     * their records. A duplicate key means that bucket did not match: its mark is at the record already, or another
     * instance created it in the same instant; that one is settled alone and the rest go on in a bulk again.
     */
    private void moveBuckets(List<PetitionTimeline> differences, String collection) {
        List<Move> moves = new ArrayList<>();
        for (PetitionTimeline timeline : differences) {
            Position at = timeline.pendingAt();
            if (at != null) {
                timeline.pendingByBucket().forEach((bucket, fields) -> moves.add(new Move(bucket, fields, at)));
            }
        }
        int from = 0;
        while (from < moves.size()) {
            List<UpdateOneModel<Document>> models =
                    moves.subList(from, moves.size()).stream().map(Move::model).toList();
            try {
                orderedBulk(collection, models);
                return;
            } catch (DataAccessException e) {
                List<BulkWriteError> refused = refusals(e);
                if (refused.isEmpty() || refused.get(0).getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                BulkWriteError first = refused.get(0); // ordered: the write stopped there
                Move stopped = moves.get(from + first.getIndex());
                applyOnce(stopped.bucket(), stopped.at(), stopped.update(), collection);
                from += first.getIndex() + 1;
            }
        }
    }

    /**
     * Plain documents to the driver, in order, through the template: not mapped again, and a failure is translated
     * as any other (an outage stays one).
     */
    private BulkWriteResult orderedBulk(String collection, List<? extends WriteModel<Document>> writes) {
        return mongo.execute(collection, c -> c.bulkWrite(writes, new BulkWriteOptions().ordered(true)));
    }

    /** The writes the store refused in a bulk, in order; none if the failure was not a refusal. */
    private static List<BulkWriteError> refusals(DataAccessException failed) {
        return failed.getCause() instanceof MongoBulkWriteException refused ? refused.getWriteErrors() : List.of();
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
     * again from scratch, so its version needs no sweep): in the order of their records, as the listener would, since
     * a batch cut short may have left several of one partition.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        ProjectionVersion version = versions.active();
        List<PetitionTimeline> pending = mongo
                .find(
                        Query.query(where("pending").exists(true)),
                        PetitionTimeline.class,
                        version.collection(PetitionTimeline.COLLECTION))
                .stream()
                .filter(PetitionTimeline::hasPending)
                .sorted(Comparator.comparing(PetitionTimeline::pendingAt, Comparator.nullsFirst(Position.RECORD_ORDER)))
                .toList();
        finish(pending, version);
        finished.flush();
        if (!pending.isEmpty()) {
            log.info("Finished {} pending figure updates left from before", pending.size());
        }
    }
}
