package vn.gandan.routing.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;

/** The queries the queues send, as MongoDB receives them. */
class QueueQueryUnitTests {

    static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");

    static QueueFilter filter(String overdue, String dueBefore) {
        return QueueFilter.parse(
                Queue.of(Authorities.commune17611()),
                null,
                overdue,
                dueBefore,
                "recommendation",
                "roads",
                "17611",
                "1",
                "20");
    }

    @Test
    void anAuthorityQueueIsItsOpenCasesWithEveryFilter() {
        Queue queue = Queue.of(Authorities.commune17611());
        Document query = new Query(QueueListing.criteria(queue, filter("true", "2026-03-12"), NOW)).getQueryObject();
        List<Document> all = query.getList("$and", Document.class);
        assertThat(all.get(0))
                .isEqualTo(new Document("authority._id", "ubnd-17611")
                        .append("status", new Document("$in", List.of("ROUTED", "ACKNOWLEDGED", "IN_PROGRESS"))));
        assertThat(all.get(1)).isEqualTo(new Document("clock.dueBy", new Document("$lte", Date.from(NOW))));
        // Due before 12 March: the due day ends at the latest at 00:00 on 12 March in Hà Nội (17:00Z the day before).
        assertThat(all.get(2))
                .isEqualTo(new Document(
                        "clock.dueBy", new Document("$lte", Date.from(Instant.parse("2026-03-11T17:00:00Z")))));
        assertThat(all.subList(3, 6))
                .containsExactly(
                        new Document("kind", "RECOMMENDATION"),
                        new Document("category", "roads"),
                        new Document("communeCode", "17611"));
    }

    @Test
    void notOverdueIncludesCasesWithoutADeadline() {
        Document query = new Query(
                        QueueListing.criteria(Queue.of(Authorities.commune17611()), filter("false", null), NOW))
                .getQueryObject();
        Document notLate = query.getList("$and", Document.class).get(1);
        assertThat(notLate.getList("$or", Document.class))
                .containsExactly(
                        new Document("clock.dueBy", new Document("$gt", Date.from(NOW))),
                        new Document("clock.dueBy", null));
    }

    @Test
    void theTriageQueueIsTheProvincesCasesInTriageByReceipt() {
        Queue triage = Queue.triage("40");
        QueueFilter all = QueueFilter.parse(triage, null, null, null, null, null, null, "2", "10");
        Document query = new Query(QueueListing.criteria(triage, all, NOW)).getQueryObject();
        assertThat(query)
                .isEqualTo(new Document("provinceCode", "40").append("status", new Document("$in", List.of("TRIAGE"))));
        List<Document> stages = QueueListing.page(triage, QueueListing.criteria(triage, all, NOW), all)
                .toPipeline(Aggregation.DEFAULT_CONTEXT);
        assertThat(stages.get(1)).isEqualTo(new Document("$sort", new Document("receivedAt", 1).append("_id", 1)));
        assertThat(stages.get(2)).isEqualTo(new Document("$skip", 20L));
        assertThat(stages.get(3)).isEqualTo(new Document("$limit", 10L));
    }

    @Test
    void anAuthorityQueueOrdersByDeadlineWithPausedClocksLast() {
        Queue queue = Queue.of(Authorities.commune17611());
        QueueFilter first = filter(null, null);
        List<Document> stages = QueueListing.page(queue, QueueListing.criteria(queue, first, NOW), first)
                .toPipeline(Aggregation.DEFAULT_CONTEXT);
        assertThat(stages.get(1))
                .isEqualTo(new Document(
                        "$addFields",
                        new Document(
                                QueueListing.DUE_ORDER,
                                new Document("$ifNull", List.of("$clock.dueBy", QueueCounts.NO_DEADLINE)))));
        assertThat(stages.get(2))
                .isEqualTo(new Document(
                        "$sort",
                        new Document(QueueListing.DUE_ORDER, 1)
                                .append("receivedAt", 1)
                                .append("_id", 1)));
    }

    @Test
    void theCountsGroupWaitingCasesByProvinceAuthorityAndStateInOnePass() {
        Instant soon = NOW.plusSeconds(2 * 86_400);
        List<Document> stages = QueueCounts.aggregation(null, NOW, soon).toPipeline(Aggregation.DEFAULT_CONTEXT);
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0))
                .isEqualTo(new Document(
                        "$match",
                        new Document(
                                "status",
                                new Document("$in", List.of("TRIAGE", "ROUTED", "ACKNOWLEDGED", "IN_PROGRESS")))));
        Document group = stages.get(1).get("$group", Document.class);
        assertThat(group.get("_id"))
                .isEqualTo(new Document("province", "$provinceCode")
                        .append("authority", "$authority._id")
                        .append("state", "$status"));
        Document dueBy = new Document("$ifNull", List.of("$clock.dueBy", QueueCounts.NO_DEADLINE));
        assertThat(group.get("overdue"))
                .isEqualTo(new Document(
                        "$sum",
                        new Document(
                                "$cond",
                                new Document("if", new Document("$lte", List.of(dueBy, Date.from(NOW))))
                                        .append("then", 1)
                                        .append("else", 0))));
        assertThat(group.get("oldest")).isEqualTo(new Document("$min", "$receivedAt"));
        assertThat(group.get("cases")).isEqualTo(new Document("$sum", 1));
    }
}
