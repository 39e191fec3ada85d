package vn.gandan.routing.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rule in the store: its current version's fields, every earlier version (kept forever, so a decision names a
 * version that can still be read), and whether it was retired. Every change is one write of this document, guarded
 * by {@link #lock}, since the store has no multi-document transactions.
 */
@Document(RuleDocument.COLLECTION)
class RuleDocument {

    static final String COLLECTION = "routing_rules";

    @Id
    private String id;

    private int version;
    private int priority;
    private String description;
    private boolean enabled;
    private RuleMatch match;
    private RuleTarget target;
    private Instant savedAt;
    private String savedBy;
    private boolean retired;
    private Instant retiredAt;
    private String retiredBy;
    private List<RuleVersion> history = new ArrayList<>();

    /** Optimistic locking of the document, apart from the rule's own version the API speaks of. */
    @Version
    private Long lock;

    protected RuleDocument() {}

    /** A new rule at version 1. */
    RuleDocument(RoutingRule rule, Instant at, String by) {
        this.id = rule.id();
        apply(rule.withVersion(1), at, by);
    }

    /** Keeps the current version in the history and makes {@code rule} the next one. */
    void change(RoutingRule rule, Instant at, String by) {
        history.add(new RuleVersion(current(), savedAt, savedBy));
        apply(rule.withVersion(version + 1), at, by);
    }

    void retire(Instant at, String by) {
        retired = true;
        retiredAt = at;
        retiredBy = by;
    }

    private void apply(RoutingRule rule, Instant at, String by) {
        this.version = rule.version();
        this.priority = rule.priority();
        this.description = rule.description();
        this.enabled = rule.isEnabled();
        this.match = rule.match();
        this.target = rule.target();
        this.savedAt = at;
        this.savedBy = by;
    }

    RoutingRule current() {
        return new RoutingRule(id, version, priority, description, enabled, match, target);
    }

    StoredRule view() {
        return new StoredRule(current(), retired, savedAt, savedBy, retiredAt, retiredBy, List.copyOf(history));
    }

    String id() {
        return id;
    }

    int version() {
        return version;
    }

    boolean isRetired() {
        return retired;
    }
}
