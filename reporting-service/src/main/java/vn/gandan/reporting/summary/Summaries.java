package vn.gandan.reporting.summary;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import vn.gandan.reporting.version.ProjectionVersions;

/** Counts of petitions by status for one province. */
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
                match(where("provinceCode").is(provinceCode)),
                group("status").count().as("count").sum("notificationsSent").as("notified"));
        Map<String, Long> byStatus = new TreeMap<>();
        long total = 0;
        long notified = 0;
        for (Document row : mongo.aggregate(
                aggregation, versions.active().collection(PetitionProjection.COLLECTION), Document.class)) {
            long count = ((Number) row.get("count")).longValue();
            byStatus.put(String.valueOf(row.get("_id")).toLowerCase(Locale.ROOT), count);
            total += count;
            notified += ((Number) row.get("notified")).longValue();
        }
        return new Summary(provinceCode, total, byStatus, notified);
    }
}
