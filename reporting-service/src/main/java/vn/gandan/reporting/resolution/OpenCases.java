package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;

/**
 * The cases not handled that have a deadline, keyed {@code <province>|<petition>} so that one province's cases
 * are an {@code _id} range; a handled case is removed. Overdue = its current deadline's {@code dueAt} has passed: the
 * overdue questions read only overdue cases, through an index on {@code dueAt}, so they cost what is overdue, not
 * what is open.
 */
@Service
public class OpenCases {

    @org.springframework.data.mongodb.core.mapping.Document(OpenCase.COLLECTION)
    public record OpenCase(
            @Id String id,
            String petitionId,
            String provinceCode,
            String communeCode,
            String authorityId,
            String authorityName,
            String category,
            String kind,
            Instant receivedAt,
            String state,
            String deadlineStep,
            Instant dueAt,
            int escalations) {
        public static final String COLLECTION = "open_cases";
    }

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;

    OpenCases(MongoTemplate mongo, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    /**
     * @param before the state counted before, or null if unknown: when the open case it gave is the same, nothing
     *     is written
     * @param provincesSeen every province the petition's events named: a case that moved leaves the others
     */
    void record(
            ProjectionVersion version,
            String petitionId,
            PetitionState state,
            PetitionState before,
            java.util.Set<String> provincesSeen) {
        OpenCase now = openCase(petitionId, state);
        if (before != null
                && java.util.Objects.equals(state.provinceCode(), before.provinceCode())
                && java.util.Objects.equals(now, openCase(petitionId, before))) {
            return;
        }
        String collection = version.collection(OpenCase.COLLECTION);
        for (String other : provincesSeen) {
            if (!other.equals(state.provinceCode())) {
                mongo.remove(Query.query(where("_id").is(other + "|" + petitionId)), collection);
            }
        }
        if (state.provinceCode() == null) {
            return;
        }
        if (now == null) {
            mongo.remove(Query.query(where("_id").is(state.provinceCode() + "|" + petitionId)), collection);
            return;
        }
        mongo.save(now, collection);
    }

    /** The open case a state gives, or null if it is handled, has no deadline or cannot be counted yet. */
    private static OpenCase openCase(String petitionId, PetitionState state) {
        if (state.provinceCode() == null || !state.countable() || state.handled() || state.deadline() == null) {
            return null;
        }
        return new OpenCase(
                state.provinceCode() + "|" + petitionId,
                petitionId,
                state.provinceCode(),
                state.communeCode(),
                state.authorityId(),
                state.authorityName(),
                state.category(),
                state.kind(),
                state.receivedAt(),
                state.state(),
                state.deadline().step(),
                state.deadline().dueAt(),
                state.escalations());
    }

    /** Overdue cases per authority ({@link Dimension#NONE} when none), with a name when the events gave one. */
    public record OverdueCount(String authorityId, String authorityName, long overdue) {}

    /**
     * @param province a province code, or null for all
     * @param authority an authority id, or null for all
     */
    public List<OverdueCount> overdueByAuthority(
            String province, String authority, Instant now, ProjectionVersion version) {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(overdue(province, authority, now)),
                Aggregation.group("authorityId")
                        .count()
                        .as("overdue")
                        .max("authorityName")
                        .as("name"));
        List<OverdueCount> counts = new java.util.ArrayList<>();
        for (Document group : mongo.aggregate(aggregation, version.collection(OpenCase.COLLECTION), Document.class)
                .getMappedResults()) {
            String id = group.getString("_id");
            counts.add(new OverdueCount(
                    id == null ? Dimension.NONE : id,
                    group.getString("name"),
                    ((Number) group.get("overdue")).longValue()));
        }
        counts.sort(java.util.Comparator.comparing(OverdueCount::authorityId));
        return counts;
    }

    /** One page of the overdue cases, earliest due first: read through the {@code dueAt} index, never all. */
    public List<OpenCase> overdue(
            String province, String authority, Instant now, int page, int size, ProjectionVersion version) {
        Query query = Query.query(overdue(province, authority, now))
                .with(Sort.by("dueAt", "petitionId"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, OpenCase.class, version.collection(OpenCase.COLLECTION));
    }

    private static Criteria overdue(String province, String authority, Instant now) {
        Criteria criteria = where("dueAt").lt(now);
        if (province != null) {
            criteria = criteria.and("provinceCode").is(province);
        }
        if (authority != null) {
            criteria = criteria.and("authorityId").is(authority);
        }
        return criteria;
    }

    /** The indexes the overdue questions use, created idempotently for the version written to. */
    public void ensureIndexes(ProjectionVersion version) {
        var indexes = mongo.indexOps(version.collection(OpenCase.COLLECTION));
        indexes.createIndex(new Index().on("provinceCode", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("dueAt", Sort.Direction.ASC));
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexActiveVersion() {
        ensureIndexes(versions.active());
    }
}
