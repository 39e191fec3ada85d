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
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;

/**
 * Applies an event to its petition's timeline, then moves the figures by the difference it made.
 *
 * <p>Guarantees, without multi-document transactions: (1) the event, the new state and the pending difference are
 * one document write (optimistic {@code @Version}; a lost race is retried by the Kafka error handler); (2) each
 * bucket is moved by {@code $inc} only if its list of the last {@code appliedKeysKept} keys does not hold
 * {@code <petition>:<revision>}, and that key is pushed in the same single-document update, so retrying a
 * difference never counts it twice; (3) the pending difference is cleared only after every bucket took it, and a
 * pending difference is finished before the next event of the petition is applied and by a sweep at start-up, so
 * none is lost. A bucket that saw more than {@code appliedKeysKept} other updates between a failed attempt and its
 * retry could count it twice: the setting is sized far above the updates a bucket sees during a retry.
 *
 * <p>Every method takes the {@link ProjectionVersion} written to: the live listener passes the active one, a
 * rebuild the one it builds.
 */
@Service
public class ResolutionProjector {

    private static final Logger log = LoggerFactory.getLogger(ResolutionProjector.class);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final ReportGroups groups;
    private final OpenCases openCases;
    private final ReportingProperties properties;
    private final ProjectionVersions versions;

    ResolutionProjector(
            MongoTemplate mongo,
            ReportGroups groups,
            OpenCases openCases,
            ReportingProperties properties,
            ProjectionVersions versions) {
        this.mongo = mongo;
        this.groups = groups;
        this.openCases = openCases;
        this.properties = properties;
        this.versions = versions;
    }

    public void apply(PetitionEvent event, ProjectionVersion version) {
        String id = event.petitionId().toString();
        String timelines = version.collection(PetitionTimeline.COLLECTION);
        PetitionTimeline timeline = mongo.findById(id, PetitionTimeline.class, timelines);
        if (timeline == null) {
            timeline = new PetitionTimeline(id);
        } else if (timeline.hasPending()) {
            finish(timeline, version);
        }
        if (!timeline.add(event)) {
            return; // a replay or duplicate
        }
        boolean changed = timeline.recount();
        try {
            timeline = mongo.save(timeline, timelines);
        } catch (DuplicateKeyException raced) {
            throw new OptimisticLockingFailureException("timeline of " + id + " created concurrently", raced);
        }
        if (changed) {
            finish(timeline, version);
        }
    }

    /** Moves the buckets by the timeline's pending difference, at most once each, then clears it. */
    void finish(PetitionTimeline timeline, ProjectionVersion version) {
        moveBuckets(timeline, version.collection(Buckets.COLLECTION));
        PetitionState state = timeline.getState();
        if (state != null) {
            groups.record(state, timeline.countedBefore(), version);
            openCases.record(version, timeline.getPetitionId(), state, timeline.countedBefore(), timeline.getEvents());
        }
        mongo.updateFirst(
                Query.query(where("_id")
                        .is(timeline.getPetitionId())
                        .and("revision")
                        .is(timeline.getRevision())),
                new Update().unset("pending"),
                version.collection(PetitionTimeline.COLLECTION));
        timeline.pendingDone();
    }

    /**
     * Every bucket's guarded upsert in one unordered bulk write (one round trip, however many buckets the event
     * moves). A duplicate key means that bucket did not match: it holds the key already, or another instance created
     * it in the same instant; those few are settled one by one.
     */
    private void moveBuckets(PetitionTimeline timeline, String collection) {
        String key = timeline.getPetitionId() + ":" + timeline.getRevision();
        List<String> ids = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        timeline.pendingByBucket().forEach((bucket, fields) -> {
            Update update = new Update();
            fields.forEach(update::inc);
            update.push("applied").slice(-properties.appliedKeysKept()).each(key);
            ids.add(bucket);
            updates.add(update);
        });
        if (ids.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (int i = 0; i < ids.size(); i++) {
            bulk.upsert(guarded(ids.get(i), key), updates.get(i));
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
                applyOnce(ids.get(error.getIndex()), key, updates.get(error.getIndex()), collection);
            }
        }
    }

    private static Query guarded(String bucket, String key) {
        return Query.query(where("_id").is(bucket).and("applied").ne(key));
    }

    /** One guarded upsert, tried again (up to three times) while another instance is creating the bucket. */
    private void applyOnce(String bucket, String key, Update update, String collection) {
        for (int attempt = 1; ; attempt++) {
            // findOne, not exists: exists counts by aggregation, which the embedded store runs as a scan
            if (mongo.findOne(Query.query(where("_id").is(bucket).and("applied").is(key)), Document.class, collection)
                    != null) {
                return;
            }
            try {
                mongo.upsert(guarded(bucket, key), update, collection);
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
        if (!pending.isEmpty()) {
            log.info("Finished {} pending figure updates left from before", pending.size());
        }
    }
}
