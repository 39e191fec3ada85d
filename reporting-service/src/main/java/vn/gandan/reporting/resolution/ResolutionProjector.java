package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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
        String key = timeline.getPetitionId() + ":" + timeline.getRevision();
        for (Map.Entry<String, Map<String, Long>> bucket :
                timeline.pendingByBucket().entrySet()) {
            Update update = new Update();
            bucket.getValue().forEach(update::inc);
            update.push("applied").slice(-properties.appliedKeysKept()).each(key);
            applyOnce(bucket.getKey(), key, update, version.collection(Buckets.COLLECTION));
        }
        PetitionState state = timeline.getState();
        if (state != null) {
            groups.record(state, timeline.countedBefore(), version);
            openCases.record(
                    version,
                    timeline.getPetitionId(),
                    state,
                    timeline.countedBefore(),
                    timeline.getEvents().stream()
                            .map(TimelineEntry::provinceCode)
                            .filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet()));
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
     * One guarded upsert. A duplicate key means the bucket did not match: either it holds the key (applied before)
     * or another instance created it in the same instant; the second case is tried again, against the bucket that
     * now exists.
     */
    private void applyOnce(String bucket, String key, Update update, String collection) {
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(Query.query(where("_id").is(bucket).and("applied").ne(key)), update, collection);
                return;
            } catch (DuplicateKeyException notMatched) {
                if (mongo.exists(
                        Query.query(where("_id").is(bucket).and("applied").is(key)), collection)) {
                    return;
                }
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
