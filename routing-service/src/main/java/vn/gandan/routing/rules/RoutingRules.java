package vn.gandan.routing.rules;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.gandan.routing.authority.AuthorityDirectory;

/**
 * Decides where a petition goes by the live rule set, held compiled in memory: no store access per decision. The
 * set is reloaded after a change made through this instance and, within {@code
 * gandan.routing.rules.refresh-interval}, after a change made through another one. Thread-safe.
 */
@Service
public class RoutingRules {

    private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);

    private record Live(RuleSet rules, long revision) {}

    private final RuleStore store;
    private final AuthorityDirectory directory;
    private volatile Live live;

    @Autowired
    RoutingRules(RuleStore store, AuthorityDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /**
     * Where the petition goes by the live rules.
     *
     * @throws IllegalStateException before the rules were first loaded (the service does not start without them)
     */
    public RoutingDecision decide(RoutingInputs inputs) {
        return live().decide(inputs, directory);
    }

    /** Where the petition would go by a draft set, e.g. one under review; nothing is stored. */
    public RoutingDecision decide(RoutingInputs inputs, RuleSet draft) {
        return draft.decide(inputs, directory);
    }

    /**
     * Compiles the draft for this one decision; for many decisions compile once with {@link RuleSet#of} instead.
     *
     * @param draft rules that pass {@link RuleValidation}
     */
    public RoutingDecision decide(RoutingInputs inputs, List<RoutingRule> draft) {
        return decide(inputs, RuleSet.of(draft));
    }

    /** The rules deciding now, in evaluation order. */
    public RuleSet live() {
        Live current = live;
        if (current == null) {
            throw new IllegalStateException("The routing rules have not been loaded yet");
        }
        return current.rules();
    }

    /** Reads and compiles every rule that is not retired; the set in use stays until the new one is ready. */
    synchronized void reload() {
        // The counter first: a change between the two reads is then seen again at the next check, never missed.
        long revision = store.revision();
        List<RoutingRule> rules = store.all().stream()
                .filter(r -> !r.isRetired())
                .map(RuleDocument::current)
                .toList();
        live = new Live(RuleSet.of(rules), revision);
        log.info("Routing rules loaded: {} rules at revision {}", rules.size(), revision);
    }

    /** Reloads when another instance changed the rules since the last load. */
    void reloadIfChanged() {
        Live current = live;
        if (current == null || store.revision() != current.revision()) {
            reload();
        }
    }
}
