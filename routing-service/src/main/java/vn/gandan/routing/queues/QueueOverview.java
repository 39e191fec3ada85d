package vn.gandan.routing.queues;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Province;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.cases.CaseState;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;
import vn.gandan.support.web.ProblemMessages;
import vn.gandan.support.web.Reason;

/**
 * A province's queues at a glance: one row per authority that holds open cases there, and the province's triage
 * queue, the most overdue first. A responder sees only its own authority's row.
 */
@Service
public class QueueOverview {

    private final QueueCounts counts;
    private final QueueAccess access;
    private final AuthorityDirectory directory;
    private final ProblemMessages messages;
    private final QueuesProperties properties;
    private final Clock clock;

    QueueOverview(
            QueueCounts counts,
            QueueAccess access,
            AuthorityDirectory directory,
            ProblemMessages messages,
            QueuesProperties properties,
            Clock clock) {
        this.counts = counts;
        this.access = access;
        this.directory = directory;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param counts per state code ({@code routed}, {@code acknowledged}, {@code in_progress}; {@code triage} for
     *     the triage queue), every state of the queue present
     * @param oldestReceivedAt null when the queue is empty
     * @param oldestAgeDays whole days since then; null when the queue is empty
     */
    public record Row(
            String authorityId,
            String authorityName,
            Map<String, Long> counts,
            long total,
            Instant oldestReceivedAt,
            Long oldestAgeDays,
            long dueSoon,
            long overdue) {}

    public record Overview(String province, Instant asOf, List<Row> queues) {}

    /** @param province the {@code province} parameter, as {@link QueueAccess#province} takes it */
    public Overview of(Caller caller, String province) {
        String provinceCode = access.province(caller, province);
        boolean ownOnly = !QueueAccess.isOperator(caller);
        Criteria scope = where("provinceCode").is(provinceCode);
        if (ownOnly) {
            if (!caller.has(Role.RESPONDER) || caller.authorityId() == null) {
                return new Overview(provinceCode, clock.instant(), List.of());
            }
            scope = scope.and(QueueCounts.AUTHORITY_ID).is(caller.authorityId());
        }
        Instant now = clock.instant();
        List<QueueCounts.Count> found = counts.count(scope, now, now.plus(properties.dueSoon()));
        Map<String, List<QueueCounts.Count>> byQueue = new TreeMap<>();
        if (!ownOnly) {
            byQueue.put(Queue.TRIAGE, new ArrayList<>());
        }
        for (QueueCounts.Count count : found) {
            String queue = count.state() == CaseState.TRIAGE ? Queue.TRIAGE : count.authorityId();
            if (queue != null) {
                byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(count);
            }
        }
        List<Row> rows = byQueue.entrySet().stream()
                .map(e -> row(e.getKey(), provinceCode, e.getValue(), now))
                .sorted(ORDER)
                .toList();
        return new Overview(provinceCode, now, rows);
    }

    /** The most overdue first, then the longest; by id among equals, so that the order is stable. */
    static final Comparator<Row> ORDER = Comparator.comparingLong(Row::overdue)
            .reversed()
            .thenComparing(Comparator.comparingLong(Row::total).reversed())
            .thenComparing(Row::authorityId);

    Row row(String queueId, String provinceCode, List<QueueCounts.Count> counts, Instant now) {
        boolean triage = Queue.TRIAGE.equals(queueId);
        Map<String, Long> byState = new LinkedHashMap<>();
        for (CaseState state : QueueCounts.WAITING) {
            if ((state == CaseState.TRIAGE) == triage) {
                byState.put(state.code(), 0L);
            }
        }
        long total = 0;
        long dueSoon = 0;
        long overdue = 0;
        Instant oldest = null;
        String storedName = null;
        for (QueueCounts.Count count : counts) {
            byState.merge(count.state().code(), count.cases(), Long::sum);
            total += count.cases();
            dueSoon += count.dueSoon();
            overdue += count.overdue();
            if (count.oldestReceivedAt() != null
                    && (oldest == null || count.oldestReceivedAt().isBefore(oldest))) {
                oldest = count.oldestReceivedAt();
            }
            storedName = storedName == null ? count.authorityName() : storedName;
        }
        return new Row(
                queueId,
                triage ? triageName(provinceCode) : name(queueId, storedName, now),
                byState,
                total,
                oldest,
                oldest == null ? null : Duration.between(oldest, now).toDays(),
                dueSoon,
                overdue);
    }

    /** The directory's current name; the one the cases recorded if the body is no longer in force. */
    private String name(String authorityId, String storedName, Instant now) {
        return directory
                .find(authorityId, WorkingCalendar.localDate(now))
                .map(a -> a.name())
                .orElse(storedName);
    }

    private String triageName(String provinceCode) {
        String province =
                AdminUnits.official().province(provinceCode).map(Province::name).orElse(provinceCode);
        return messages.text(Reason.of(QueueAccess.CODE + "triage.name", province));
    }
}
