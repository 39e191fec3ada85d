package vn.gandan.routing.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.gandan.support.outbox.NewAggregates;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * The one way a case is written: its timer first (only ever earlier), then the case with its events, checked
 * against the version it was read at, so two changes at once never overwrite each other.
 */
@Component
class CaseWriter {

    static final int ATTEMPTS = 3;

    private final Cases cases;
    private final CaseTimers timers;
    private final CaseDeadlines deadlines;
    private final NewAggregates newAggregates;

    CaseWriter(Cases cases, CaseTimers timers, CaseDeadlines deadlines, NewAggregates newAggregates) {
        this.cases = cases;
        this.timers = timers;
        this.deadlines = deadlines;
        this.newAggregates = newAggregates;
    }

    /**
     * New cases, their timers first (in one bulk write), then the cases (in another): a poll's submissions cost two
     * writes, not two each. A petition that has a case already keeps it.
     *
     * @return those inserted
     */
    List<Case> insert(List<Case> fresh) {
        Map<String, Instant> due = new LinkedHashMap<>();
        for (Case c : fresh) {
            Instant at = deadlines.nextAlertAt(c);
            if (at != null) {
                due.put(c.getPetitionId(), at);
            }
        }
        timers.dueBy(due);
        return newAggregates.insert(Case.class, fresh, Case::getPetitionId);
    }

    Case save(Case c) {
        timers.dueBy(c.getPetitionId(), deadlines.nextAlertAt(c));
        return cases.save(c);
    }

    /**
     * Reads the case, applies {@code change} and saves it, again from a fresh read if another change got there
     * first.
     *
     * @throws InvalidRequestException 409 if the case kept changing under us
     */
    Case change(String petitionId, Supplier<Case> read, Consumer<Case> change) {
        for (int attempt = 1; ; attempt++) {
            Case c = read.get();
            change.accept(c);
            try {
                return save(c);
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw InvalidRequestException.of(
                            HttpStatus.CONFLICT, Reason.of("gandan.routing.case.changed-meanwhile", petitionId));
                }
            }
        }
    }
}
