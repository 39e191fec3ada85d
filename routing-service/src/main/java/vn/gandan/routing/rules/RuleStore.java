package vn.gandan.routing.rules;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The rules in MongoDB, looked up by {@code _id} only, plus a revision counter that every change increments so
 * that the other instances notice and reload.
 */
@Component
class RuleStore {

    static final String REVISIONS = "routing_rules_revision";
    private static final String REVISION_ID = "routing_rules";

    private final MongoTemplate mongo;

    RuleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<RuleDocument> all() {
        return mongo.findAll(RuleDocument.class);
    }

    Optional<RuleDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RuleDocument.class));
    }

    boolean isEmpty() {
        return mongo.estimatedCount(RuleDocument.class) == 0;
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the id is taken */
    void insert(RuleDocument rule) {
        mongo.insert(rule);
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException if it changed since it was read */
    void save(RuleDocument rule) {
        mongo.save(rule);
    }

    /**
     * Called after each change. Not atomic with it: an instance that dies in between leaves the others on the
     * previous set until the next change or their restart.
     */
    void bumpRevision() {
        mongo.upsert(Query.query(Criteria.where("_id").is(REVISION_ID)), new Update().inc("revision", 1L), REVISIONS);
    }

    long revision() {
        Document counter = mongo.findById(REVISION_ID, Document.class, REVISIONS);
        return counter == null ? 0 : ((Number) counter.get("revision")).longValue();
    }
}
