package vn.gandan.routing.queues;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.CaseActions;
import vn.gandan.routing.cases.Cases;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.ProblemMessages;
import vn.gandan.support.web.Reason;

/**
 * Moves many cases of one queue to one authority, each through {@link CaseActions#assign} with all its checks and
 * its own write and event: one case refused (not in the queue, a state that forbids it, changed meanwhile) does
 * not hold back the others, and says why in its own result.
 */
@Service
public class BulkTransfer {

    /** At most this many cases in one request: each is a write and an event. */
    public static final int MAX_CASES = 500;

    private final Cases cases;
    private final CaseActions actions;
    private final AuthorityDirectory directory;
    private final ProblemMessages messages;
    private final Clock clock;

    BulkTransfer(
            Cases cases, CaseActions actions, AuthorityDirectory directory, ProblemMessages messages, Clock clock) {
        this.cases = cases;
        this.actions = actions;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param status as an HTTP status: 200 when moved, else what {@code POST /api/v1/cases/{id}/assign} would have
     *     answered (404 not found, 409 not in this queue or not movable now, 400, 403)
     * @param detail why it was refused, in the caller's language; null when moved
     */
    public record Outcome(String petitionId, int status, String detail) {}

    public record Result(int moved, int failed, List<Outcome> results) {}

    /**
     * @param petitionIds the cases to move, each once (a repeated id counts once)
     * @throws InvalidRequestException 400, before anything moves, if the target authority is unknown
     */
    public Result transfer(Queue queue, List<String> petitionIds, String toAuthorityId, String reason, Caller caller) {
        if (directory
                .find(toAuthorityId, WorkingCalendar.localDate(clock.instant()))
                .isEmpty()) {
            throw InvalidRequestException.field("toAuthorityId", QueueAccess.CODE + "target-unknown", toAuthorityId);
        }
        List<Outcome> results = new ArrayList<>();
        for (String petitionId : new LinkedHashSet<>(petitionIds)) {
            results.add(move(queue, petitionId, toAuthorityId, reason, caller));
        }
        int moved = (int) results.stream().filter(r -> r.status() == 200).count();
        return new Result(moved, results.size() - moved, results);
    }

    private Outcome move(Queue queue, String petitionId, String toAuthorityId, String reason, Caller caller) {
        Case found = cases.findById(petitionId)
                .filter(c -> caller.mayAccessProvince(c.getProvinceCode()))
                .orElse(null);
        if (found == null) {
            return refused(
                    petitionId, HttpStatus.NOT_FOUND, Reason.of(QueueAccess.CODE + "case-not-found", petitionId));
        }
        if (!queue.holds(found)) {
            return refused(
                    petitionId,
                    HttpStatus.CONFLICT,
                    Reason.of(QueueAccess.CODE + "not-in-queue", petitionId, queue.id()));
        }
        try {
            actions.assign(petitionId, caller, toAuthorityId, reason);
            return new Outcome(petitionId, HttpStatus.OK.value(), null);
        } catch (InvalidRequestException refused) {
            return new Outcome(petitionId, refused.status().value(), detail(refused));
        }
    }

    private Outcome refused(String petitionId, HttpStatus status, Reason why) {
        return new Outcome(petitionId, status.value(), messages.text(why));
    }

    /** The problem's detail, and the fields' reasons after it when it names fields. */
    private String detail(InvalidRequestException refused) {
        String detail = messages.text(refused.detail());
        if (refused.reasons().isEmpty()) {
            return detail;
        }
        return detail + " "
                + messages.errors(refused).stream()
                        .map(e -> e.field() + ": " + e.reason())
                        .collect(Collectors.joining("; "));
    }
}
