package vn.gandan.routing.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled rules ({@value #RESOURCE}), stored when the store has none, so that a new deployment routes from
 * its first petition. Each is inserted under its own id, so instances starting together cannot duplicate one.
 */
@Component
class RuleSeed {

    static final String RESOURCE = "/vn/gandan/routing/rules/seed-rules.json";
    static final String SEEDED_BY = "seed";

    private static final Logger log = LoggerFactory.getLogger(RuleSeed.class);

    private final RuleStore store;
    private final Clock clock;

    RuleSeed(RuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static List<RoutingRule> bundled() {
        try (InputStream in = RuleSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<RoutingRule>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return how many rules this call stored; 0 when the store had rules already */
    int seedIfEmpty() {
        if (!store.isEmpty()) {
            return 0;
        }
        int stored = 0;
        for (RoutingRule rule : bundled()) {
            try {
                store.insert(new RuleDocument(rule, clock.instant(), SEEDED_BY));
                stored++;
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // Its copy is the same rule, or an admin's later version of it: either way it stays.
            }
        }
        if (stored > 0) {
            store.bumpRevision();
            log.info("Routing rules seeded: {} bundled rules stored", stored);
        }
        return stored;
    }
}
