package vn.gandan.reporting.resolution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.reporting.version.ProjectionVersion;

/**
 * Brings the store to many petitions' figures without applying their events one by one. What each petition
 * contributes is computed by the projector's own code: {@link Buckets#contributionOf} of the state
 * {@link PetitionState#derive} gives from its whole timeline, plus {@link Buckets#changesOf} its events (the same
 * amounts the per-event pending differences add up to), and its groups by {@link Dimension#valueOf}, as
 * {@link ReportGroups} records them. The amounts are summed in memory per bucket and written with bulk inserts,
 * dotted fields ({@code changes.2025-03-01.days.3}) as nested documents, as {@code $inc} leaves them. Open cases
 * go through {@link OpenCases} itself (the caller's part). Timelines are not written.
 */
final class BenchmarkBulkLoad {

    private static final int BATCH = 1000;
    /** The topics' partitions by default: a bucket that every partition of every topic moved has this many marks. */
    static final int PARTITIONS = 6;

    static final int MARKS = 3 * PARTITIONS;

    /** bucket id → field → amount; the field names shared (there are few distinct ones, many buckets). */
    private final Map<String, Map<String, long[]>> buckets = new HashMap<>(1 << 20);

    private final Map<String, String> fieldNames = new HashMap<>();

    private final Map<String, Set<String>> members = new TreeMap<>();
    private final Map<String, String> authorities = new TreeMap<>();
    long petitions;

    /** Adds one petition's figures; returns its state (the caller records it as an open case if it is one). */
    PetitionState add(List<PetitionEvent> events) {
        List<TimelineEntry> entries = new ArrayList<>(events.size());
        events.forEach(e -> entries.add(TimelineEntry.of(e)));
        entries.sort(TimelineEntry.ORDER);
        PetitionState state = PetitionState.derive(entries);
        Buckets.merge(Buckets.contributionOf(state), Buckets.changesOf(entries)).forEach((bucket, fields) -> {
            Map<String, long[]> sums = buckets.computeIfAbsent(bucket, k -> new HashMap<>());
            fields.forEach((field, value) ->
                    sums.computeIfAbsent(fieldNames.computeIfAbsent(field, f -> f), f -> new long[1])[0] += value);
        });
        if (state.countable()) {
            for (Dimension dimension : Dimension.values()) {
                for (String scope : List.of(ReportGroups.NATIONAL, state.provinceCode())) {
                    members.computeIfAbsent(scope + "|" + dimension.code(), k -> new TreeSet<>())
                            .add(dimension.valueOf(state));
                }
            }
            if (state.authorityId() != null && state.authorityName() != null) {
                authorities.put(state.authorityId(), state.authorityName());
            }
        }
        petitions++;
        return state;
    }

    int bucketCount() {
        return buckets.size();
    }

    long fieldCount() {
        return buckets.values().stream().mapToLong(Map::size).sum();
    }

    /**
     * Writes the buckets, groups and authority names, emptying this loader as it goes (so the heap holds the sums
     * or the store's copy, not both).
     *
     * <p>Each bucket is given as many high-water marks as the live listener leaves at most ({@link #MARKS}), under a
     * writer of its own so that they never hold back the events applied after.
     *
     * @return the bucket documents written
     */
    long write(MongoTemplate mongo, ProjectionVersion version) {
        MongoCollection<Document> collection = mongo.getCollection(version.collection(Buckets.COLLECTION));
        List<Document> batch = new ArrayList<>(BATCH);
        long written = 0;
        Iterator<Map.Entry<String, Map<String, long[]>>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            var bucket = it.next();
            it.remove();
            batch.add(document(bucket.getKey(), bucket.getValue()));
            if (batch.size() == BATCH) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                written += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
            written += batch.size();
        }
        List<Document> groups = new ArrayList<>();
        members.forEach((id, values) -> groups.add(new Document("_id", id).append("members", new ArrayList<>(values))));
        mongo.getCollection(version.collection(ReportGroups.COLLECTION)).insertMany(groups);
        List<Document> names = new ArrayList<>();
        authorities.forEach((id, name) -> names.add(new Document("_id", id).append("name", name)));
        mongo.getCollection(version.collection(ReportGroups.AUTHORITIES)).insertMany(names);
        return written;
    }

    /** {@code a.b.c: 1} as {@code {a: {b: {c: 1}}}}, as {@code $inc} on a dotted path makes it. */
    private static Document document(String id, Map<String, long[]> fields) {
        Document doc = new Document("_id", id);
        fields.forEach((field, value) -> {
            Document at = doc;
            int start = 0;
            for (int dot = field.indexOf('.'); dot >= 0; dot = field.indexOf('.', start)) {
                String part = field.substring(start, dot);
                Document next = at.get(part, Document.class);
                if (next == null) {
                    next = new Document();
                    at.put(part, next);
                }
                at = next;
                start = dot + 1;
            }
            at.put(field.substring(start), value[0]);
        });
        Document marks = new Document();
        for (String topic : List.of(Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES)) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                var at = new Position("bulk", topic, partition, Long.MAX_VALUE / 2);
                marks.put(at.mark(), at.offset());
            }
        }
        doc.put(Position.MARKS, marks);
        return doc;
    }
}
