package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.gandan.reporting.version.ProjectionVersion;

/**
 * The timelines whose pending difference every bucket, group and open case has taken, but which still hold it in
 * the store: cleared together, one bulk write per collection every second (or at {@value #BATCH}), instead of one
 * write per event. Until then this instance knows them finished, so the petition's next event does not finish them
 * again; any other reader (another instance, the start-up sweep after a crash) finishes them again, which the
 * buckets' marks make a no-op, so a clear that is late or lost costs work, never a count.
 */
@Component
class FinishedDifferences implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FinishedDifferences.class);
    static final int BATCH = 500;
    private static final long INTERVAL_MS = 1_000;

    private final MongoTemplate mongo;
    /** Timelines collection → petition id → the revision finished. */
    private final Map<String, Map<String, Long>> revisions = new ConcurrentHashMap<>();

    private ScheduledExecutorService timer;

    FinishedDifferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The timeline's pending difference at {@code revision} has been taken everywhere. */
    void finished(String collection, String petitionId, long revision) {
        revisions.computeIfAbsent(collection, c -> new ConcurrentHashMap<>()).put(petitionId, revision);
        if (size() >= BATCH) {
            flush();
        }
    }

    /** Whether this instance finished what the timeline, as read, holds pending. */
    boolean isFinished(String collection, PetitionTimeline timeline) {
        Long revision = revisions.getOrDefault(collection, Map.of()).get(timeline.getPetitionId());
        return revision != null && revision == timeline.getRevision();
    }

    private int size() {
        return revisions.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Clears, in the store, every difference known finished: only where the timeline is still at the revision that
     * was finished (a later event's write has replaced it otherwise).
     */
    synchronized void flush() {
        revisions.forEach((collection, finishedHere) -> {
            Map<String, Long> taken = Map.copyOf(finishedHere);
            if (taken.isEmpty()) {
                return;
            }
            BulkOperations clears = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            taken.forEach((id, revision) -> clears.updateOne(
                    Query.query(where("_id").is(id).and("revision").is(revision)),
                    new Update().unset("pending").unset("pendingAt")));
            clears.execute();
            taken.forEach(finishedHere::remove);
        });
    }

    /** Forgets a version's timelines, before its collections are dropped and written again from scratch. */
    void forget(ProjectionVersion version) {
        revisions.remove(version.collection(PetitionTimeline.COLLECTION));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // still known here, so tried again at the next tick; the store holds them pending meanwhile
            log.warn("Could not clear {} finished figure updates, retrying: {}", size(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reporting-finished-differences");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::flushQuietly, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** After the Kafka listener containers (phase {@code MAX_VALUE - 100}): what they finished is cleared at once. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            flushQuietly();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
