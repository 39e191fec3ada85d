package vn.gandan.reporting.version;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.gandan.support.lease.Leases;

/**
 * Which version of the projections is active: one document, {@code projection_versions/active}. Read on every
 * event and every report (one lookup by {@code _id}) rather than cached, so that every instance moves to a new
 * version at the same moment the document changes; the switch is a single-document update, hence atomic.
 */
@Service
public class ProjectionVersions {

    static final String COLLECTION = "projection_versions";
    static final String ACTIVE = "active";

    private final MongoTemplate mongo;

    ProjectionVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Version 1 when the document was never written: a database from before versions existed. */
    public ProjectionVersion active() {
        Document doc = mongo.findById(ACTIVE, Document.class, COLLECTION);
        return doc == null ? ProjectionVersion.FIRST : new ProjectionVersion(doc.getInteger("version"));
    }

    /**
     * Makes {@code to} active if {@code from} still is (compare and set).
     *
     * @return false if another switch came first
     */
    public boolean switchTo(ProjectionVersion from, ProjectionVersion to) {
        try {
            // Written once so that the compare-and-set below always has a document to match.
            mongo.insert(new Document("_id", ACTIVE).append("version", ProjectionVersion.FIRST.number()), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // the usual case
        }
        var result = mongo.updateFirst(
                Query.query(where("_id").is(ACTIVE).and("version").is(from.number())),
                new Update().set("version", to.number()),
                COLLECTION);
        return result.getModifiedCount() == 1;
    }

    static final String REBUILD = "rebuild";

    /**
     * Takes the one rebuild lease of the deployment (a document beside the active version), so that two instances
     * never rebuild at once; it runs out by itself if its owner dies.
     *
     * @return false if another owner holds it
     */
    public boolean claimRebuild(String owner, ProjectionVersion target, Instant now, Duration lease) {
        try {
            mongo.insert(new Document("_id", REBUILD), COLLECTION);
        } catch (DuplicateKeyException exists) {
            // the usual case
        }
        if (!Leases.claim(mongo, COLLECTION, where("_id").is(REBUILD), owner, lease, now)) {
            return false;
        }
        mongo.updateFirst(
                Query.query(where("_id").is(REBUILD)), new Update().set("target", target.number()), COLLECTION);
        return true;
    }

    public void releaseRebuild(String owner) {
        Leases.release(mongo, COLLECTION, where("_id").is(REBUILD), owner);
    }

    /** The version a rebuild holding the lease builds, if one does. */
    public Optional<Integer> rebuildingInto(Instant now) {
        Document doc = mongo.findById(REBUILD, Document.class, COLLECTION);
        if (doc == null
                || doc.get(Leases.UNTIL) == null
                || !doc.getDate(Leases.UNTIL).toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.ofNullable(doc.getInteger("target"));
    }
}
