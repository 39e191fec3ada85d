package vn.gandan.routing.queues;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The indexes the queues read by on a real MongoDB: a province's queues and triage, an authority's queue, and the
 * deadline order. Creating an index that exists changes nothing, so every start and every instance may ask. The
 * embedded test store accepts them and scans anyway.
 */
@Component
class QueueIndexes {

    private final MongoTemplate mongo;

    QueueIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        IndexOperations cases = mongo.indexOps(QueueCounts.CASES);
        cases.createIndex(new Index().on("provinceCode", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        cases.createIndex(
                new Index().on(QueueCounts.AUTHORITY_ID, Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        cases.createIndex(new Index().on("clock.dueBy", Sort.Direction.ASC));
    }
}
