package vn.gandan.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionKind;
import vn.gandan.support.outbox.OutboxEntry;

/**
 * One petition's case in routing: who holds it, where it stands, its running clock, its history, and the events
 * still to publish, all in one document so that every change and its events are one write (ADR 0003). Its id is
 * the petition id, so a replayed submission finds it. The methods here check the state machine; the use cases
 * ({@link CaseActions}, {@link PetitionRouting}, the deadline scheduler) check who may act and compute clocks.
 */
@Document("cases")
public class Case {

    /** The actor of what routing and its scheduler do by themselves. */
    public static final String SYSTEM = "system";

    @Id
    private String petitionId;

    private String trackingCode;
    private String provinceCode;
    private String communeCode;
    private PetitionKind kind;
    private String category;
    private Map<String, String> details = Map.of();
    private Instant receivedAt;
    private Instant decidedAt;
    private CaseState status;
    private AuthorityRef authority;
    private Decision decision;
    /** 1 for a first-level case; 2 once a complaint was reopened at the second level. */
    private int level = 1;

    private StepClock clock;
    /** Alerts already emitted, by kind and deadline key: each fires once per case and deadline. */
    private Set<String> alerts = new LinkedHashSet<>();

    private Instant updatedAt;
    private List<CaseHistory> history = new ArrayList<>();

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    /**
     * Why the case went where it went: enough to reproduce the decision.
     *
     * @param authorityId the authority decided on; null for triage
     * @param ruleId null when no rule matched; {@code operator} when a person assigned it
     * @param matched the inputs the rule matched on
     * @param adminUnitsVersion the admin-unit data the decision was made with
     * @param directoryVersion the authority directory it was made with
     * @param reason a stable code when the case went to triage
     * @param detail a sentence for the operator when it went to triage
     * @param notes what else shaped it, e.g. a conflict of interest
     */
    public record Decision(
            String authorityId,
            String ruleId,
            int ruleVersion,
            Map<String, String> matched,
            String adminUnitsVersion,
            String directoryVersion,
            String reason,
            String detail,
            List<String> notes) {}

    protected Case() {}

    Case(
            String petitionId,
            String trackingCode,
            String provinceCode,
            String communeCode,
            PetitionKind kind,
            String category,
            Map<String, String> details,
            Instant receivedAt) {
        this.petitionId = petitionId;
        this.trackingCode = trackingCode;
        this.provinceCode = provinceCode;
        this.communeCode = communeCode;
        this.kind = kind;
        this.category = category;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.receivedAt = receivedAt;
        // The first version, which the template's insert would set and a bulk insert (NewAggregates) does not.
        this.version = 0L;
    }

    void route(AuthorityRef to, Decision why, StepClock firstClock, Instant at, String actor, PetitionEvent event) {
        if (status != null) {
            require("routed", CaseState.TRIAGE);
        }
        this.authority = to;
        this.decision = why;
        this.decidedAt = at;
        this.clock = firstClock;
        record(CaseState.ROUTED, at, "routed", actor, null, event);
    }

    void sendToTriage(Decision why, Instant at, PetitionEvent event) {
        this.decision = why;
        this.decidedAt = at;
        record(CaseState.TRIAGE, at, "triaged", SYSTEM, why.reason(), event);
    }

    /**
     * Records a historical petition (ADR 0017) as it arrives, once: at the authority today's rules chose, or at none
     * when they could not place it. No clock, so no deadline, timer or alert; every later action is refused.
     *
     * @param to null when the rules could not place it (or intake asked for triage): no one holds it, and no
     *     operator has anything to decide about history
     */
    void archive(AuthorityRef to, Decision why, Instant at, PetitionEvent event) {
        if (status != null) {
            throw new IllegalTransitionException("archived", status);
        }
        this.authority = to;
        this.decision = why;
        this.decidedAt = at;
        this.clock = null;
        record(CaseState.ARCHIVED, at, "archived", SYSTEM, why.reason(), event);
    }

    /**
     * Refuses any action on an archived case before the use case computes what the action would need (a clock
     * from a receipt years ago, the body above one that holds none): the answer is the same 409 as the state
     * machine's below, not whatever that computation trips on first.
     */
    void requireActionable(String action) {
        if (status == CaseState.ARCHIVED) {
            throw new IllegalTransitionException(action, status);
        }
    }

    void acknowledge(StepClock next, Instant at, String actor, PetitionEvent event) {
        require("acknowledged", CaseState.ROUTED);
        this.clock = next;
        record(CaseState.ACKNOWLEDGED, at, "acknowledged", actor, null, event);
    }

    /** To another authority, with a new clock; from triage too, when an operator moves it out. */
    void transfer(AuthorityRef to, StepClock newClock, Instant at, String actor, String reason, PetitionEvent event) {
        require("transferred", CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);
        this.authority = to;
        this.clock = newClock;
        record(CaseState.ROUTED, at, "transferred", actor, reason, event);
    }

    /** A pause, a resumption or an extension of the running clock: the authority is working on the case. */
    void changeClock(StepClock changed, Instant at, String actor, String action, String reason, PetitionEvent event) {
        require(action, CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);
        this.clock = changed;
        record(status == CaseState.ROUTED ? CaseState.ROUTED : CaseState.IN_PROGRESS, at, action, actor, reason, event);
    }

    void resolve(Instant at, String actor, PetitionEvent event) {
        if (kind == PetitionKind.RECOMMENDATION) {
            require("resolved", CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);
        } else {
            // A complaint or denunciation is answered only after it was accepted (thụ lý).
            require("resolved", CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);
        }
        this.clock = null;
        record(CaseState.RESOLVED, at, "resolved", actor, null, event);
    }

    void reject(Instant at, String actor, String reason, PetitionEvent event) {
        require("rejected", CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);
        this.clock = null;
        record(CaseState.REJECTED, at, "rejected", actor, reason, event);
    }

    void close(Instant at, String actor, PetitionEvent event) {
        require("closed", CaseState.RESOLVED, CaseState.REJECTED);
        record(CaseState.CLOSED, at, "closed", actor, null, event);
    }

    void reopen(
            AuthorityRef to,
            int newLevel,
            StepClock newClock,
            Instant at,
            String actor,
            String reason,
            PetitionEvent event) {
        require("reopened", CaseState.RESOLVED, CaseState.REJECTED, CaseState.CLOSED);
        this.authority = to;
        this.level = newLevel;
        this.clock = newClock;
        record(CaseState.ROUTED, at, "reopened", actor, reason, event);
    }

    /** A deadline alert (approaching, overdue): recorded so that it fires once per deadline, across restarts. */
    void alert(String key, Instant at, PetitionEvent event) {
        if (alerts.add(key)) {
            outbox.add(OutboxEntry.of(event));
            this.updatedAt = at;
        }
    }

    void escalate(String key, AuthorityRef to, StepClock newClock, Instant at, String reason, PetitionEvent event) {
        require("escalated", CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);
        if (!alerts.add(key)) {
            return;
        }
        this.authority = to;
        this.clock = newClock;
        record(status, at, "escalated", SYSTEM, reason, event);
    }

    public boolean hasAlerted(String key) {
        return alerts.contains(key);
    }

    private void require(String action, CaseState first, CaseState... more) {
        if (status == null || !EnumSet.of(first, more).contains(status)) {
            throw new IllegalTransitionException(action, status == null ? CaseState.TRIAGE : status);
        }
    }

    private void record(CaseState next, Instant at, String action, String actor, String reason, PetitionEvent event) {
        this.status = next;
        this.updatedAt = at;
        history.add(new CaseHistory(at, action, actor, next, authority == null ? null : authority.id(), reason));
        outbox.add(OutboxEntry.of(event));
    }

    public String getPetitionId() {
        return petitionId;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public PetitionKind getKind() {
        return kind;
    }

    public String getCategory() {
        return category;
    }

    public Map<String, String> getDetails() {
        return details;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public CaseState getStatus() {
        return status;
    }

    public AuthorityRef getAuthority() {
        return authority;
    }

    public Decision getDecision() {
        return decision;
    }

    public int getLevel() {
        return level;
    }

    public StepClock getClock() {
        return clock;
    }

    public Set<String> getAlerts() {
        return Set.copyOf(alerts);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<CaseHistory> getHistory() {
        return List.copyOf(history);
    }

    public Long getVersion() {
        return version;
    }
}
