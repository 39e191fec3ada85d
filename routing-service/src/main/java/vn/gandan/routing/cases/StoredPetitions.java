package vn.gandan.routing.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.routing.rules.RoutedPetitions;

/**
 * The cases routing holds, as the what-if simulation reads them: their inputs and the authority their routing
 * decision chose (not where transfers and escalations took them since, which no rule decides). Not the archived
 * history of ADR 0017: no rule change would route it again, and a five-year import would fill the limit and the
 * counts with cases the draft cannot affect.
 */
@Component
class StoredPetitions implements RoutedPetitions {

    private final MongoTemplate mongo;
    private final Clock clock;

    StoredPetitions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void forEach(String provinceCode, int limit, Consumer<RoutedPetition> each) {
        Query query = Query.query(where("status").ne(CaseState.ARCHIVED));
        if (provinceCode != null) {
            query.addCriteria(where("provinceCode").is(provinceCode));
        }
        query.with(Sort.by("_id")).limit(limit);
        query.fields().exclude("history", "outbox", "alerts");
        // A what-if asks what the draft would decide today.
        LocalDate today = WorkingCalendar.localDate(clock.instant());
        try (var stream = mongo.stream(query, Case.class)) {
            stream.forEach(c -> each.accept(new RoutedPetition(
                    c.getPetitionId(),
                    PetitionRouting.inputsOf(c, today),
                    c.getDecision() == null ? null : c.getDecision().authorityId())));
        }
    }
}
