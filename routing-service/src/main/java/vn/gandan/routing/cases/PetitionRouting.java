package vn.gandan.routing.cases;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.routing.clock.NoPolicyInForceException;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.routing.rules.RoutingDecision;
import vn.gandan.routing.rules.RoutingInputs;
import vn.gandan.routing.rules.RoutingRules;

/**
 * Decides who answers a submitted petition, by the stored rules, starts its legal clock from the citizen's
 * receipt, and emits at once what the clock already owes: an offline petition received weeks ago arrives overdue
 * and, where policy says so, escalated. A petition the rules cannot place, or that intake flagged, goes to its
 * province's triage queue with the reason; none is dropped. A historical one (imported from a portal's records,
 * ADR 0017) is decided by the same rules but archived: no clock, no alerts, no triage.
 */
@Service
public class PetitionRouting {

    private final Cases cases;
    private final CaseWriter writer;
    private final RoutingRules rules;
    private final CaseClocks clocks;
    private final CaseDeadlines deadlines;
    private final Clock clock;
    private final MeterRegistry meters;

    PetitionRouting(
            Cases cases,
            CaseWriter writer,
            RoutingRules rules,
            CaseClocks clocks,
            CaseDeadlines deadlines,
            Clock clock,
            MeterRegistry meters) {
        this.cases = cases;
        this.writer = writer;
        this.rules = rules;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.clock = clock;
        this.meters = meters;
    }

    /** Routes a submitted petition once; a replay of the same submission changes nothing. */
    public void route(PetitionSubmitted submitted) {
        Batch batch = batch();
        batch.add(submitted);
        batch.write();
    }

    /** Submitted petitions routed together: each decided as it is added, their cases written at once. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * A poll's submissions. Each is decided when added, in its record's trace, so that its events carry that trace
     * on; the cases and their timers are written together ({@link CaseWriter#insert}). A replay of a submission, in
     * the batch or after it, changes nothing.
     */
    public final class Batch {

        private final Map<String, Decided> decided = new LinkedHashMap<>();

        private Batch() {}

        public void add(PetitionSubmitted submitted) {
            String petitionId = submitted.petitionId().toString();
            // existsById counts by aggregation: a scan in the embedded store
            if (!decided.containsKey(petitionId) && cases.findById(petitionId).isEmpty()) {
                decided.put(petitionId, decide(submitted));
            }
        }

        /** Writes what was added, then forgets it. */
        public void write() {
            List<Case> inserted =
                    writer.insert(decided.values().stream().map(Decided::c).toList());
            for (Case c : inserted) {
                Decided d = decided.get(c.getPetitionId());
                meters.counter(
                                "gandan.routing.decisions",
                                "rule",
                                d.decision().ruleId() == null
                                        ? "none"
                                        : d.decision().ruleId(),
                                "outcome",
                                d.outcome())
                        .increment();
            }
            decided.clear();
        }
    }

    /** A new case and the decision behind it; {@code outcome} is the decision metric's tag. */
    private record Decided(Case c, RoutingDecision decision, String outcome) {}

    private Decided decide(PetitionSubmitted submitted) {
        String petitionId = submitted.petitionId().toString();
        var place = submitted.place();
        Case routed = new Case(
                petitionId,
                submitted.trackingCode(),
                place.provinceCode(),
                place.communeCode(),
                submitted.kind(),
                submitted.category(),
                submitted.details(),
                submitted.receivedAt());
        Instant now = clock.instant();
        RoutingDecision decision = rules.decide(inputsOf(routed, WorkingCalendar.localDate(now)));
        if (submitted.triageReason() != null) {
            // Intake already knows a person must look (an ambiguous address, a point without a commune).
            decision = RoutingDecision.triage(
                    submitted.triageReason(),
                    "Intake asked for triage: " + submitted.triageReason(),
                    decision.ruleId(),
                    decision.ruleVersion(),
                    decision.matched(),
                    decision.adminUnitsVersion(),
                    decision.directoryVersion());
        }
        if (submitted.fromHistory()) {
            archive(routed, submitted, decision, now);
            return new Decided(routed, decision, "archived");
        }
        StepClock first = null;
        if (decision.isAssigned()) {
            try {
                first = clocks.first(routed, now);
            } catch (NoPolicyInForceException tooOld) {
                // Received before any time limit we hold was in force: a person decides what applies.
                decision = RoutingDecision.triage(
                        "no_time_limit_policy",
                        tooOld.getMessage(),
                        decision.ruleId(),
                        decision.ruleVersion(),
                        decision.matched(),
                        decision.adminUnitsVersion(),
                        decision.directoryVersion());
            }
        }
        Case.Decision why = explanation(decision);
        if (decision.isAssigned()) {
            routed.route(
                    decision.authority().ref(),
                    why,
                    first,
                    now,
                    Case.SYSTEM,
                    routedEvent(submitted, decision, now, first.toEvent(), null));
            deadlines.fireDue(routed, now);
        } else {
            routed.sendToTriage(why, now, failedEvent(submitted, decision, now, null));
        }
        return new Decided(routed, decision, decision.isAssigned() ? "assigned" : "triage");
    }

    /**
     * History is attributed to the body that answers for its place today, for the record only: it owes nothing
     * now, so no clock starts and nothing is due. One the rules cannot place stays without a body, out of triage.
     */
    private static void archive(Case c, PetitionSubmitted submitted, RoutingDecision decision, Instant now) {
        Case.Decision why = explanation(decision);
        if (decision.isAssigned()) {
            c.archive(decision.authority().ref(), why, now, routedEvent(submitted, decision, now, null, true));
        } else {
            c.archive(null, why, now, failedEvent(submitted, decision, now, true));
        }
    }

    /** @param historical true for an imported petition (ADR 0017), else null */
    private static PetitionRouted routedEvent(
            PetitionSubmitted submitted, RoutingDecision decision, Instant now, Deadline deadline, Boolean historical) {
        return new PetitionRouted(
                UUID.randomUUID(),
                submitted.petitionId(),
                now,
                decision.authority().ref(),
                submitted.place(),
                decision.ruleId(),
                decision.ruleVersion(),
                deadline,
                historical);
    }

    /** @param historical true for an imported petition (ADR 0017), else null */
    private static PetitionRoutingFailed failedEvent(
            PetitionSubmitted submitted, RoutingDecision decision, Instant now, Boolean historical) {
        return new PetitionRoutingFailed(
                UUID.randomUUID(),
                submitted.petitionId(),
                now,
                submitted.place(),
                decision.reason(),
                decision.detail() == null ? decision.reason() : decision.detail(),
                historical);
    }

    /** @param decidedOn the day the decision is made: the directory as it stands that day answers */
    static RoutingInputs inputsOf(Case c, LocalDate decidedOn) {
        return new RoutingInputs(
                c.getKind(), c.getCategory(), c.getProvinceCode(), c.getCommuneCode(), c.getDetails(), decidedOn);
    }

    static Case.Decision explanation(RoutingDecision d) {
        return new Case.Decision(
                d.authorityId(),
                d.ruleId(),
                d.ruleVersion(),
                d.matched(),
                d.adminUnitsVersion(),
                d.directoryVersion(),
                d.reason(),
                d.detail(),
                d.notes());
    }
}
