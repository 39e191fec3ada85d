package vn.gandan.routing.authority;

import com.mongodb.bulk.BulkWriteError;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The directory in MongoDB: {@code authorities} (one document per body, by id) and a revision counter that every
 * change increments, so other instances notice it by reading one document by {@code _id}.
 */
@Component
class AuthorityStore {

    static final String REVISIONS = "authority_revision";
    static final String REVISION_ID = "directory";

    /** MongoDB's duplicate-key error. */
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    AuthorityStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<AuthorityDocument> all() {
        return mongo.findAll(AuthorityDocument.class);
    }

    Optional<AuthorityDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AuthorityDocument.class));
    }

    Set<String> ids() {
        Query query = new Query();
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        for (Document document : mongo.find(query, Document.class, AuthorityDocument.COLLECTION)) {
            ids.add(document.getString("_id"));
        }
        return ids;
    }

    /**
     * Inserts the bodies the store does not hold yet and leaves every other one as it is.
     *
     * @return how many were inserted by this call
     */
    int insertMissing(List<AuthorityHistory> generated, Instant now) {
        Set<String> present = ids();
        List<AuthorityDocument> missing = generated.stream()
                .filter(body -> !present.contains(body.id()))
                .map(body -> new AuthorityDocument(body, AuthorityDocument.GENERATED, now, "seed", 0L))
                .toList();
        if (missing.isEmpty()) {
            return 0;
        }
        try {
            return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuthorityDocument.class)
                    .insert(missing)
                    .execute()
                    .getInsertedCount();
        } catch (BulkOperationException e) {
            // Another instance seeding at the same moment inserted some of them first: theirs are the same bodies.
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return e.getResult().getInsertedCount();
        } catch (DuplicateKeyException e) {
            // The same race, reported as one error: an unordered bulk write still inserted the others.
            return ids().size() - present.size();
        }
    }

    /** @throws DuplicateKeyException if the id is taken */
    void insert(AuthorityDocument document) {
        mongo.insert(document);
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException if someone changed it since it was read */
    void save(AuthorityDocument document) {
        mongo.save(document);
    }

    long revision() {
        Document counter = mongo.findById(REVISION_ID, Document.class, REVISIONS);
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** Written after the change it announces, so an instance that sees the new revision also reads the change. */
    long nextRevision() {
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(REVISION_ID)),
                new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                REVISIONS);
        return ((Number) counter.get("value")).longValue();
    }
}
