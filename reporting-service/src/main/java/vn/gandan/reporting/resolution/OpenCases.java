package vn.gandan.reporting.resolution;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.gandan.reporting.version.ProjectionVersion;

/**
 * The cases not handled that have a deadline, keyed {@code <province>|<petition>} so that one province's cases
 * are an {@code _id} range; a handled case is removed. Overdue = its current deadline's {@code dueAt} has passed.
 */
@Service
public class OpenCases {

    @Document(OpenCase.COLLECTION)
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

    OpenCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param provincesSeen every province the petition's events named: a case that moved leaves the others */
    void record(
            ProjectionVersion version, String petitionId, PetitionState state, java.util.Set<String> provincesSeen) {
        String collection = version.collection(OpenCase.COLLECTION);
        for (String other : provincesSeen) {
            if (!other.equals(state.provinceCode())) {
                mongo.remove(Query.query(where("_id").is(other + "|" + petitionId)), collection);
            }
        }
        if (state.provinceCode() == null) {
            return;
        }
        String id = state.provinceCode() + "|" + petitionId;
        if (!state.countable() || state.handled() || state.deadline() == null) {
            mongo.remove(Query.query(where("_id").is(id)), collection);
            return;
        }
        mongo.save(
                new OpenCase(
                        id,
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
                        state.escalations()),
                collection);
    }

    /** @param province a province code, or null for all */
    public List<OpenCase> of(String province, ProjectionVersion version) {
        Criteria criteria = province == null
                ? new Criteria()
                : where("_id").gte(province + "|").lt(province + "}");
        return mongo.find(Query.query(criteria), OpenCase.class, version.collection(OpenCase.COLLECTION));
    }

    public static boolean overdue(OpenCase c, Instant now) {
        return c.dueAt().isBefore(now);
    }
}
