package vn.gandan.routing.rules;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seeds and loads the rules before anything can route (a phase before the Kafka listeners and the web server),
 * then watches the revision counter. A service that cannot read its rules at start-up does not start: routing
 * without them would send every petition to triage.
 */
@Component
class RuleRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleRefresher.class);

    private final RuleSeed seed;
    private final RoutingRules rules;
    private final RoutingRulesProperties properties;
    private ScheduledExecutorService scheduler;

    RuleRefresher(RuleSeed seed, RoutingRules rules, RoutingRulesProperties properties) {
        this.seed = seed;
        this.rules = rules;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        seed.seedIfEmpty();
        rules.reload();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "routing-rules-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.refreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            rules.reloadIfChanged();
        } catch (RuntimeException e) {
            // The store is unreachable for now: the loaded rules keep deciding, and a thrown exception would
            // cancel every later check.
            log.warn("Could not check the routing rules for changes: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Before the Kafka listener containers and the web server, which start in the late phases. */
    @Override
    public int getPhase() {
        return 0;
    }
}
