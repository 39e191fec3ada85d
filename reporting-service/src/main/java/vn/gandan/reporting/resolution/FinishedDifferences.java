package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private record Key(String collection, String petitionId) {}

    private final MongoTemplate mongo;
    private final Map<Key, Long> revisions = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    FinishedDifferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The timeline's pending difference at {@code revision} has been taken everywhere. */
    void finished(String collection, String petitionId, long revision) {
        revisions.put(new Key(collection, petitionId), revision);
        if (revisions.size() >= BATCH) {
            flush();
        }
    }

    /** Whether this instance finished what the timeline, as read, holds pending. */
    boolean isFinished(String collection, PetitionTimeline timeline) {
        Long revision = revisions.get(new Key(collection, timeline.getPetitionId()));
        return revision != null && revision == timeline.getRevision();
    }

    /**
     * Clears, in the store, every difference known finished: only where the timeline is still at the revision that
     * was finished (a later event's write has replaced it otherwise).
     */
    synchronized void flush() {
        if (revisions.isEmpty()) {
            return;
        }
        Map<String, List<Map.Entry<Key, Long>>> byCollection = new TreeMap<>();
        revisions.entrySet().forEach(e -> byCollection
                .computeIfAbsent(e.getKey().collection(), c -> new ArrayList<>())
                .add(Map.entry(e.getKey(), e.getValue())));
        byCollection.forEach((collection, entries) -> {
            BulkOperations clears = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            entries.forEach(e -> clears.updateOne(
                    Query.query(where("_id")
                            .is(e.getKey().petitionId())
                            .and("revision")
                            .is(e.getValue())),
                    new Update().unset("pending").unset("pendingAt")));
            clears.execute();
            entries.forEach(e -> revisions.remove(e.getKey(), e.getValue()));
        });
    }

    /** Forgets a version's timelines, before its collections are dropped and written again from scratch. */
    void forget(ProjectionVersion version) {
        String collection = version.collection(PetitionTimeline.COLLECTION);
        revisions.keySet().removeIf(key -> key.collection().equals(collection));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // still known here, so tried again at the next tick; the store holds them pending meanwhile
            log.warn("Could not clear {} finished figure updates, retrying: {}", revisions.size(), e.toString());
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
