package vn.gandan.routing.cases;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
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

    CaseWriter(Cases cases, CaseTimers timers, CaseDeadlines deadlines) {
        this.cases = cases;
        this.timers = timers;
        this.deadlines = deadlines;
    }

    /** A new case; throws {@code DuplicateKeyException} if the petition already has one. */
    Case insert(Case c) {
        timers.dueBy(c.getPetitionId(), deadlines.nextAlertAt(c));
        return cases.insert(c);
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
