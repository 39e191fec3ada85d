package vn.gandan.intake.submission;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** A province's petitions, newest received first, a page at a time. */
@Service
public class PetitionSearch {

    private final MongoTemplate mongo;

    PetitionSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param provinceCode must not be null: nobody lists across provinces here
     * @param status null for any
     * @param from inclusive, or null
     * @param to exclusive, or null
     */
    public record Filter(String provinceCode, String status, Instant from, Instant to) {}

    public record Page(List<Petition> items, int page, int size, long total) {}

    public Page find(Filter filter, int page, int size) {
        Criteria criteria = where("location.provinceCode").is(filter.provinceCode());
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria received = criteria.and("receivedAt");
            if (filter.from() != null) {
                received = received.gte(filter.from());
            }
            if (filter.to() != null) {
                received = received.lt(filter.to());
            }
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, Petition.class);
        List<Petition> items = mongo.find(
                query.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                        .skip((long) page * size)
                        .limit(size),
                Petition.class);
        return new Page(items, page, size, total);
    }
}
