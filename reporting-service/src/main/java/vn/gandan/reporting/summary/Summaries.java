package vn.gandan.reporting.summary;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import vn.gandan.reporting.resolution.PetitionTimeline;
import vn.gandan.reporting.version.ProjectionVersions;

/**
 * Counts of petitions by status for one province, over the petitions' timelines (their derived state): no
 * projection of its own, so no write of its own per event.
 *
 * <p>Statuses: {@code submitted}, {@code triage} (routing failed, waiting for an operator), {@code routed}
 * (with an authority, whatever happened to the case after) and {@code archived} (imported from a portal's records,
 * ADR 0017: on the record only, whether routing placed it or not).
 */
@Service
public class Summaries {

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;

    Summaries(MongoTemplate mongo, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    public record Summary(String provinceCode, long total, Map<String, Long> byStatus, long notificationsSent) {}

    public Summary of(String provinceCode) {
        var aggregation = newAggregation(
                match(where("state.provinceCode").is(provinceCode)),
                group("state.state")
                        .count()
                        .as("count")
                        .sum("notificationsSent")
                        .as("notified"));
        Map<String, Long> byStatus = new TreeMap<>();
        long total = 0;
        long notified = 0;
        for (Document row : mongo.aggregate(
                aggregation, versions.active().collection(PetitionTimeline.COLLECTION), Document.class)) {
            long count = ((Number) row.get("count")).longValue();
            byStatus.merge(statusOf((String) row.get("_id")), count, Long::sum);
            total += count;
            notified += ((Number) row.get("notified")).longValue();
        }
        return new Summary(provinceCode, total, byStatus, notified);
    }

    /**
     * A case's step after routing (acknowledged, resolved, escalated…) is still routed here; a petition known so far
     * only from events that set no step is submitted.
     */
    private static String statusOf(String step) {
        if (step == null) {
            return "submitted";
        }
        return step.equals("submitted") || step.equals("triage") || step.equals("archived") ? step : "routed";
    }
}
