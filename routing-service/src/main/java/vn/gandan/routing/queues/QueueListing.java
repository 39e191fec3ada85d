package vn.gandan.routing.queues;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.StepClock;
import vn.gandan.routing.clock.WorkingCalendar;

/**
 * A queue's cases a page at a time: the most pressing deadline first, then the oldest receipt; triage, which has
 * no deadlines, by receipt. A paused clock has no deadline and comes after every running one.
 */
@Service
public class QueueListing {

    /** The field a case is ordered by: its deadline, or {@link QueueCounts#NO_DEADLINE} without one. */
    static final String DUE_ORDER = "dueOrder";

    private final MongoTemplate mongo;
    private final Clock clock;

    QueueListing(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * One case as the queue shows it.
     *
     * @param dueAt the last second of the due day, as {@code GET /api/v1/cases/{id}} and the events give it; null
     *     in triage and while the clock is paused
     * @param step the clock's step, e.g. {@code reply}; null without a clock
     */
    public record Item(
            String petitionId,
            String trackingCode,
            String status,
            String kind,
            String category,
            String communeCode,
            Instant receivedAt,
            Instant dueAt,
            boolean overdue,
            String step) {}

    public record Page(List<Item> items, int page, int size, long total) {}

    public Page list(Queue queue, QueueFilter filter) {
        Instant now = clock.instant();
        Criteria criteria = criteria(queue, filter, now);
        long total = mongo.count(new Query(criteria), QueueCounts.CASES);
        List<Item> items =
                mongo
                        .aggregate(page(queue, criteria, filter), QueueCounts.CASES, Case.class)
                        .getMappedResults()
                        .stream()
                        .map(c -> item(c, now))
                        .toList();
        return new Page(items, filter.page(), filter.size(), total);
    }

    static Criteria criteria(Queue queue, QueueFilter filter, Instant now) {
        List<Criteria> all = new ArrayList<>();
        all.add(queue.cases(filter.states()));
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(where("clock.dueBy").lte(Date.from(now)));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            // Without a deadline (triage, a paused clock) a case is not overdue either.
            all.add(new Criteria()
                    .orOperator(
                            where("clock.dueBy").gt(Date.from(now)),
                            where("clock.dueBy").is(null)));
        }
        if (filter.dueBefore() != null) {
            // dueBy is the first instant after the due day: a due day before D ends at the latest when D starts.
            Instant dayStarts =
                    filter.dueBefore().atStartOfDay(WorkingCalendar.ZONE).toInstant();
            all.add(where("clock.dueBy").lte(Date.from(dayStarts)));
        }
        if (filter.kind() != null) {
            all.add(where("kind").is(filter.kind().name()));
        }
        if (filter.category() != null) {
            all.add(where("category").is(filter.category()));
        }
        if (filter.communeCode() != null) {
            all.add(where("communeCode").is(filter.communeCode()));
        }
        return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
    }

    static Aggregation page(Queue queue, Criteria criteria, QueueFilter filter) {
        List<AggregationOperation> stages = new ArrayList<>();
        stages.add(Aggregation.match(criteria));
        if (queue.isTriage()) {
            stages.add(Aggregation.sort(Sort.by("receivedAt", "_id")));
        } else {
            stages.add(Aggregation.addFields()
                    .addFieldWithValue(
                            DUE_ORDER,
                            ConditionalOperators.ifNull("clock.dueBy").then(QueueCounts.NO_DEADLINE))
                    .build());
            stages.add(Aggregation.sort(Sort.by(DUE_ORDER, "receivedAt", "_id")));
        }
        stages.add(Aggregation.skip((long) filter.page() * filter.size()));
        stages.add(Aggregation.limit(filter.size()));
        return Aggregation.newAggregation(stages);
    }

    static Item item(Case c, Instant now) {
        StepClock clock = c.getClock();
        Instant dueBy = clock == null ? null : clock.dueBy();
        return new Item(
                c.getPetitionId(),
                c.getTrackingCode(),
                c.getStatus().code(),
                c.getKind() == null ? null : c.getKind().code(),
                c.getCategory(),
                c.getCommuneCode(),
                c.getReceivedAt(),
                dueBy == null ? null : dueBy.minusSeconds(1),
                dueBy != null && !now.isBefore(dueBy),
                clock == null ? null : clock.step().code());
    }
}
