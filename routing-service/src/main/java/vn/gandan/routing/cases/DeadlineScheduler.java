package vn.gandan.routing.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Emits {@code PetitionDeadlineApproaching}, {@code PetitionOverdue} and {@code PetitionEscalated} when they fall
 * due. Safe with several instances: a case is handled by whichever instance holds its timer's lease, and what it
 * emits is recorded in the case in the same write as the events, checked against the version it read, so each
 * alert leaves once per case and deadline, across restarts and races.
 */
@Component
class DeadlineScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);

    /**
     * How long a timer without its case is taken for one whose case is still being written; after that, for one
     * whose writer died between the two writes.
     */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(1);

    private final Cases cases;
    private final CaseTimers timers;
    private final CaseDeadlines deadlines;
    private final CaseWriter writer;
    private final CasesProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService executor;

    DeadlineScheduler(
            Cases cases,
            CaseTimers timers,
            CaseDeadlines deadlines,
            CaseWriter writer,
            CasesProperties properties,
            Clock clock) {
        this.cases = cases;
        this.timers = timers;
        this.deadlines = deadlines;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One round: every due timer this instance can claim.
     *
     * @return how many cases it handled
     */
    int runOnce() {
        int handled = 0;
        for (CaseTimers.Timer timer : timers.due(properties.batchSize())) {
            if (!timers.claim(timer, owner, properties.lease())) {
                continue;
            }
            Instant now = clock.instant();
            Case c = cases.findById(timer.petitionId()).orElse(null);
            if (c == null && timer.at().isAfter(now.minus(ORPHAN_GRACE))) {
                // The timer goes first: its case is being written right now. Look again next round.
                timers.handled(timer, owner, timer.at());
                continue;
            }
            try {
                if (c != null && deadlines.fireDue(c, now)) {
                    c = writer.save(c);
                }
                timers.handled(timer, owner, c == null ? null : deadlines.nextAlertAt(c));
                handled++;
            } catch (OptimisticLockingFailureException raced) {
                // An action changed the case meanwhile and set its own timer: look again next round.
                timers.handled(timer, owner, timer.at());
            } catch (RuntimeException e) {
                // This case's timer stays due and is tried again next round; the other cases go on.
                log.warn("Deadline alerts of case {} failed; will retry", timer.petitionId(), e);
                timers.handled(timer, owner, timer.at());
            }
        }
        return handled;
    }

    private void round() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The store is down, say: the timers wait, nothing is lost, and the next round tries again. Letting it
            // through would cancel the schedule for good.
            log.warn("Deadline round failed; next in {}", properties.pollInterval(), e);
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deadline-scheduler");
            t.setDaemon(true);
            return t;
        });
        long period = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
