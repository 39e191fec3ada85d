package vn.gandan.routing.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * Adds, changes and retires rules: each change validated, written as one document and then made live here at
 * once (and on the other instances within the refresh interval). A rule's versions are kept forever.
 */
@Service
public class RoutingRuleBook {

    private static final Logger log = LoggerFactory.getLogger(RoutingRuleBook.class);

    private final RuleStore store;
    private final RuleValidation validation;
    private final RoutingRules rules;
    private final Clock clock;

    RoutingRuleBook(RuleStore store, RuleValidation validation, RoutingRules rules, Clock clock) {
        this.store = store;
        this.validation = validation;
        this.rules = rules;
        this.clock = clock;
    }

    /** The rules that are not retired, disabled ones included, in evaluation order. */
    public List<StoredRule> active() {
        return store.all().stream()
                .filter(r -> !r.isRetired())
                .map(RuleDocument::view)
                .sorted(Comparator.comparing(StoredRule::rule, RoutingRule.ORDER))
                .toList();
    }

    /** A rule with its history, retired or not. */
    public Optional<StoredRule> find(String id) {
        return store.find(id).map(RuleDocument::view);
    }

    /**
     * Stores a new rule at version 1 (whatever version it carries).
     *
     * @throws InvalidRequestException 400 listing every problem; 409 if the id is taken, by a retired rule too
     */
    public StoredRule create(RoutingRule rule, String by) {
        requireValid(validation.problems(rule));
        RuleDocument created = new RuleDocument(rule, clock.instant(), by);
        try {
            store.insert(created);
        } catch (DuplicateKeyException taken) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of(RuleValidation.CODE + "conflict"),
                    FieldReason.of("id", RuleValidation.CODE + "id.taken", rule.id()));
        }
        changed("created", created, by);
        return created.view();
    }

    /**
     * Makes {@code rule} the next version of rule {@code id}.
     *
     * @param rule must carry the version it edits
     * @return empty if there is no such rule
     * @throws InvalidRequestException 400 listing every problem; 409 if the version is not the current one (someone
     *     changed it meanwhile) or the rule is retired
     */
    public Optional<StoredRule> change(String id, RoutingRule rule, String by) {
        List<FieldReason> problems = new ArrayList<>(validation.problems(rule));
        if (rule.id() != null && !rule.id().equals(id)) {
            problems.add(FieldReason.of("id", RuleValidation.CODE + "id.mismatch", id));
        }
        if (rule.version() == null) {
            problems.add(FieldReason.of("version", RuleValidation.CODE + "version.required"));
        }
        requireValid(problems);
        Optional<RuleDocument> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RuleDocument stored = found.get();
        if (stored.isRetired()) {
            throw conflict(FieldReason.of("id", RuleValidation.CODE + "retired", id));
        }
        if (stored.version() != rule.version()) {
            throw stale(stored.version());
        }
        stored.change(
                new RoutingRule(
                        id,
                        rule.version(),
                        rule.priority(),
                        rule.description(),
                        rule.enabled(),
                        rule.match(),
                        rule.target()),
                clock.instant(),
                by);
        try {
            store.save(stored);
        } catch (OptimisticLockingFailureException meanwhile) {
            throw stale(store.find(id).map(RuleDocument::version).orElse(rule.version()));
        }
        changed("changed", stored, by);
        return Optional.of(stored.view());
    }

    /**
     * Retires the rule: it stops deciding and keeps its id and history. Retiring it again changes nothing.
     *
     * @return empty if there is no such rule
     */
    public Optional<StoredRule> retire(String id, String by) {
        Optional<RuleDocument> found = store.find(id);
        if (found.isEmpty() || found.get().isRetired()) {
            return found.map(RuleDocument::view);
        }
        RuleDocument stored = found.get();
        stored.retire(clock.instant(), by);
        try {
            store.save(stored);
        } catch (OptimisticLockingFailureException meanwhile) {
            throw stale(store.find(id).map(RuleDocument::version).orElse(stored.version()));
        }
        changed("retired", stored, by);
        return Optional.of(stored.view());
    }

    private void changed(String what, RuleDocument rule, String by) {
        store.bumpRevision();
        rules.reload();
        log.info("Routing rule {} {} at version {} by {}", rule.id(), what, rule.version(), by);
    }

    static void requireValid(List<FieldReason> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), problems);
        }
    }

    private static InvalidRequestException stale(int current) {
        return conflict(FieldReason.of("version", RuleValidation.CODE + "version.stale", String.valueOf(current)));
    }

    private static InvalidRequestException conflict(FieldReason reason) {
        return InvalidRequestException.of(HttpStatus.CONFLICT, Reason.of(RuleValidation.CODE + "conflict"), reason);
    }
}
