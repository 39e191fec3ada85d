package vn.gandan.routing.queues;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationExpression;
import org.springframework.data.mongodb.core.aggregation.BooleanOperators;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.gandan.routing.cases.CaseState;

/**
 * Counts the waiting cases (triage and open) by province, authority and state in one aggregation, with how many
 * of them are overdue or due soon. The overview asks it for one province, the gauges for the whole country.
 */
@Component
class QueueCounts {

    static final String CASES = "cases";

    /**
     * Where a case stores its authority's id: Spring Data writes a property named {@code id} as {@code _id}, in an
     * embedded document too, and these queries name stored fields.
     */
    static final String AUTHORITY_ID = "authority._id";

    /** Stands for "no deadline" (triage, a paused clock), so that such a case is neither overdue nor due soon. */
    static final Date NO_DEADLINE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    /**
     * The states a queue holds: triage, and the open states in the order people read them; never archived (the
     * overview and the gauges count from this).
     */
    static final List<CaseState> WAITING =
            List.of(CaseState.TRIAGE, CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);

    private final MongoTemplate mongo;

    QueueCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One group of waiting cases.
     *
     * @param authorityId null for a province's triage queue
     * @param oldestReceivedAt the earliest receipt among them
     */
    record Count(
            String provinceCode,
            String authorityId,
            String authorityName,
            CaseState state,
            long cases,
            Instant oldestReceivedAt,
            long overdue,
            long dueSoon) {}

    /**
     * @param scope which waiting cases to count (a province, an authority); null for all
     * @param soonUntil the end of "due soon", after {@code now}
     */
    List<Count> count(Criteria scope, Instant now, Instant soonUntil) {
        return mongo.aggregate(aggregation(scope, now, soonUntil), CASES, Document.class).getMappedResults().stream()
                .map(QueueCounts::count)
                .toList();
    }

    static Aggregation aggregation(Criteria scope, Instant now, Instant soonUntil) {
        Criteria waiting = where("status").in(WAITING.stream().map(Enum::name).toList());
        Criteria match = scope == null ? waiting : new Criteria().andOperator(scope, waiting);
        AggregationExpression dueBy = ConditionalOperators.ifNull("clock.dueBy").then(NO_DEADLINE);
        Date at = Date.from(now);
        AggregationExpression overdue = ConditionalOperators.when(
                        ComparisonOperators.Lte.valueOf(dueBy).lessThanEqualToValue(at))
                .then(1)
                .otherwise(0);
        AggregationExpression dueSoon = ConditionalOperators.when(BooleanOperators.And.and(
                        ComparisonOperators.Gt.valueOf(dueBy).greaterThanValue(at),
                        ComparisonOperators.Lte.valueOf(dueBy).lessThanEqualToValue(Date.from(soonUntil))))
                .then(1)
                .otherwise(0);
        return Aggregation.newAggregation(
                Aggregation.match(match),
                Aggregation.group(Fields.from(
                                Fields.field("province", "provinceCode"),
                                Fields.field("authority", AUTHORITY_ID),
                                Fields.field("state", "status")))
                        .count()
                        .as("cases")
                        .min("receivedAt")
                        .as("oldest")
                        .first("authority.name")
                        .as("name")
                        .sum(overdue)
                        .as("overdue")
                        .sum(dueSoon)
                        .as("dueSoon"));
    }

    private static Count count(Document row) {
        Document id = row.get("_id", Document.class);
        Date oldest = row.getDate("oldest");
        return new Count(
                id.getString("province"),
                id.getString("authority"),
                row.getString("name"),
                CaseState.valueOf(id.getString("state")),
                number(row, "cases"),
                oldest == null ? null : oldest.toInstant(),
                number(row, "overdue"),
                number(row, "dueSoon"));
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
