package vn.gandan.routing.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionAcknowledged;
import vn.gandan.events.PetitionClockPaused;
import vn.gandan.events.PetitionClockResumed;
import vn.gandan.events.PetitionClosed;
import vn.gandan.events.PetitionDeadlineExtended;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRejected;
import vn.gandan.events.PetitionReopened;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionTransferred;
import vn.gandan.events.Place;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.clock.Circumstances;
import vn.gandan.routing.clock.Complexity;
import vn.gandan.routing.clock.ExtensionRefusedException;
import vn.gandan.routing.clock.LegalDeadline;
import vn.gandan.routing.clock.NoPolicyInForceException;
import vn.gandan.routing.clock.WorkingCalendar;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * What responders and operators do to a case. Responders act only on their own authority's cases, operators only
 * in their province; every action is checked against the case's state, changes the case and records its event
 * in one write, or changes nothing and says why (a problem document).
 */
@Service
public class CaseActions {

    /** The rejection reasons the law knows; the event takes open codes, the API only these. */
    public static final Set<String> REJECTION_REASONS = Set.of(
            PetitionRejected.NOT_COMPETENT,
            PetitionRejected.NOT_ACCEPTED,
            PetitionRejected.WITHDRAWN,
            PetitionRejected.DUPLICATE);

    /** The rule id recorded when a person, not a rule, assigned the case. */
    public static final String OPERATOR_RULE = "operator";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Cases cases;
    private final CaseWriter writer;
    private final CaseClocks clocks;
    private final AuthorityDirectory directory;
    private final MessageSource messages;
    private final Clock clock;

    CaseActions(
            Cases cases,
            CaseWriter writer,
            CaseClocks clocks,
            AuthorityDirectory directory,
            @Qualifier("messageSource") MessageSource messages,
            Clock clock) {
        this.cases = cases;
        this.writer = writer;
        this.clocks = clocks;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /** The case if the caller may see it: operators their province's, responders their authority's. */
    public Case view(String petitionId, Caller caller) {
        Case c = visible(petitionId, caller);
        if (!isOperator(caller) && !holds(caller, c)) {
            throw notFound(petitionId);
        }
        return c;
    }

    public Case acknowledge(String petitionId, Caller caller) {
        return byResponder(petitionId, caller, "acknowledged", (c, now) -> {
            StepClock next = clocks.accepted(c, now);
            c.acknowledge(
                    next,
                    now,
                    caller.name(),
                    new PetitionAcknowledged(UUID.randomUUID(), id(c), now, c.getAuthority(), next.toEvent()));
        });
    }

    /** By the responder holding the case, or an operator of its province: a new clock for the new authority. */
    public Case transfer(String petitionId, Caller caller, String toAuthorityId, String reason) {
        return change(petitionId, caller, true, "transferred", (c, now) -> {
            Authority to = target(c, caller, toAuthorityId);
            AuthorityRef from = c.getAuthority();
            StepClock fresh = clocks.received(c, now);
            c.transfer(
                    to.ref(),
                    fresh,
                    now,
                    caller.name(),
                    reason,
                    new PetitionTransferred(UUID.randomUUID(), id(c), now, from, to.ref(), reason, fresh.toEvent()));
        });
    }

    /**
     * An extension as the law allows it, a reclassification (complex, especially complex), or both.
     *
     * @param days null when only the complexity changes
     * @param complexity null when it stays
     */
    public Case extend(String petitionId, Caller caller, Integer days, Complexity complexity, String reason) {
        if (days == null && complexity == null) {
            throw InvalidRequestException.field("days", "gandan.routing.case.extension-empty");
        }
        return byResponder(petitionId, caller, "extended", (c, now) -> {
            StepClock before = runningClock(c, "extended");
            LegalDeadline legal = clocks.legal(c);
            try {
                if (complexity != null) {
                    legal = legal.reclassify(new Circumstances(complexity, before.remoteArea()));
                }
                if (days != null) {
                    legal = legal.extend(now, days, reason);
                }
            } catch (ExtensionRefusedException refused) {
                throw new InvalidRequestException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        Reason.of("gandan.routing.case.extension-refused"),
                        List.of(FieldReason.text(days != null ? "days" : "complexity", refused.getMessage())));
            }
            StepClock after = clocks.stored(legal, now);
            c.changeClock(
                    after,
                    now,
                    caller.name(),
                    "extended",
                    reason,
                    new PetitionDeadlineExtended(
                            UUID.randomUUID(),
                            id(c),
                            now,
                            c.getAuthority(),
                            before.toEvent(),
                            after.toEvent(),
                            reason));
        });
    }

    /** Stops the clock, e.g. while waiting for the citizen to bring documents. */
    public Case pause(String petitionId, Caller caller, String reason) {
        return byResponder(petitionId, caller, "paused", (c, now) -> {
            runningClock(c, "paused");
            StepClock paused = clocks.stored(clockChange(() -> clocks.legal(c).pause(now, reason)), now);
            c.changeClock(
                    paused,
                    now,
                    caller.name(),
                    "paused",
                    reason,
                    new PetitionClockPaused(UUID.randomUUID(), id(c), now, c.getAuthority(), reason));
        });
    }

    public Case resume(String petitionId, Caller caller) {
        return byResponder(petitionId, caller, "resumed", (c, now) -> {
            if (c.getClock() == null || !c.getClock().isPaused()) {
                throw conflict("gandan.routing.case.not-paused");
            }
            StepClock resumed = clocks.stored(clockChange(() -> clocks.legal(c).resume(now)), now);
            c.changeClock(
                    resumed,
                    now,
                    caller.name(),
                    "resumed",
                    null,
                    new PetitionClockResumed(UUID.randomUUID(), id(c), now, c.getAuthority(), resumed.toEvent()));
        });
    }

    public Case resolve(String petitionId, Caller caller, String response) {
        return byResponder(
                petitionId,
                caller,
                "resolved",
                (c, now) -> c.resolve(
                        now,
                        caller.name(),
                        new PetitionResolved(UUID.randomUUID(), id(c), now, c.getAuthority(), response)));
    }

    /** @param explanation what the citizen is told; when blank, the standard sentence for the reason */
    public Case reject(String petitionId, Caller caller, String reason, String explanation) {
        if (!REJECTION_REASONS.contains(reason)) {
            throw InvalidRequestException.field(
                    "reason",
                    "gandan.routing.case.rejection-reason",
                    String.join(", ", REJECTION_REASONS.stream().sorted().toList()));
        }
        String told = explanation == null || explanation.isBlank()
                ? messages.getMessage("gandan.routing.rejection." + reason, null, VIETNAMESE)
                : explanation;
        return byResponder(
                petitionId,
                caller,
                "rejected",
                (c, now) -> c.reject(
                        now,
                        caller.name(),
                        reason,
                        new PetitionRejected(UUID.randomUUID(), id(c), now, c.getAuthority(), reason, told)));
    }

    /** By the responder holding the case or an operator of its province, once it was answered. */
    public Case close(String petitionId, Caller caller) {
        return change(
                petitionId,
                caller,
                true,
                "closed",
                (c, now) -> c.close(
                        now, caller.name(), new PetitionClosed(UUID.randomUUID(), id(c), now, c.getAuthority())));
    }

    /**
     * Opens an answered case again (operators). A complaint goes to the second level, the parent of the body that
     * answered it, unless {@code toAuthorityId} says otherwise; other kinds stay with the same body.
     */
    public Case reopen(String petitionId, Caller caller, String reason, String toAuthorityId) {
        return change(petitionId, caller, false, "reopened", (c, now) -> {
            Authority to;
            if (toAuthorityId != null) {
                to = target(c, caller, toAuthorityId, true);
            } else if (c.getKind() == PetitionKind.COMPLAINT) {
                Authority current = current(c, now);
                to = directory
                        .parentOf(current, today(now))
                        .orElseThrow(() -> InvalidRequestException.field(
                                "toAuthorityId", "gandan.routing.case.no-second-level", current.id()));
            } else {
                to = current(c, now);
            }
            boolean upALevel = c.getKind() == PetitionKind.COMPLAINT
                    && !to.id().equals(c.getAuthority().id());
            int level = upALevel ? c.getLevel() + 1 : c.getLevel();
            StepClock fresh = clocks.received(c, now);
            c.reopen(
                    to.ref(),
                    level,
                    fresh,
                    now,
                    caller.name(),
                    reason,
                    new PetitionReopened(UUID.randomUUID(), id(c), now, to.ref(), reason, fresh.toEvent()));
        });
    }

    /**
     * An operator assigns a case: out of triage (it is routed, its clock running from the citizen's receipt), or
     * an open case to another authority (a transfer).
     */
    public Case assign(String petitionId, Caller caller, String toAuthorityId, String reason) {
        Case found = visible(petitionId, caller);
        if (found.getStatus() != CaseState.TRIAGE) {
            requireOperator(caller);
            return transfer(petitionId, caller, toAuthorityId, reason);
        }
        return change(petitionId, caller, false, "routed", (c, now) -> {
            Authority to = target(c, caller, toAuthorityId);
            StepClock first = clocks.first(c, now);
            var why = new Case.Decision(
                    to.id(),
                    OPERATOR_RULE,
                    0,
                    Map.of("assignedBy", caller.name()),
                    AdminUnits.official().dataVersion(),
                    directory.version(),
                    null,
                    null,
                    reason == null ? List.of() : List.of(reason));
            c.route(
                    to.ref(),
                    why,
                    first,
                    now,
                    caller.name(),
                    new PetitionRouted(
                            UUID.randomUUID(),
                            id(c),
                            now,
                            to.ref(),
                            new Place(c.getProvinceCode(), c.getCommuneCode()),
                            OPERATOR_RULE,
                            0,
                            first.toEvent()));
        });
    }

    /** @param name the action as the case's history and a refusal name it, e.g. {@code acknowledged} */
    private Case byResponder(String petitionId, Caller caller, String name, BiConsumer<Case, Instant> action) {
        Case c = visible(petitionId, caller);
        if (!holds(caller, c)) {
            if (caller.has(Role.RESPONDER)) {
                throw InvalidRequestException.of(
                        HttpStatus.FORBIDDEN, Reason.of("gandan.routing.case.not-your-authority", petitionId));
            }
            throw InvalidRequestException.of(
                    HttpStatus.FORBIDDEN, Reason.of("gandan.routing.case.responders-only", petitionId));
        }
        return apply(petitionId, caller, name, action);
    }

    /** @param responderToo whether the responder holding the case may do it as well as an operator */
    private Case change(
            String petitionId, Caller caller, boolean responderToo, String name, BiConsumer<Case, Instant> action) {
        Case c = visible(petitionId, caller);
        if (!(isOperator(caller) || (responderToo && holds(caller, c)))) {
            throw InvalidRequestException.of(
                    HttpStatus.FORBIDDEN,
                    Reason.of(
                            responderToo
                                    ? "gandan.routing.case.not-your-authority"
                                    : "gandan.routing.case.operators-only",
                            petitionId));
        }
        return apply(petitionId, caller, name, action);
    }

    private Case apply(String petitionId, Caller caller, String name, BiConsumer<Case, Instant> action) {
        return writer.change(petitionId, () -> visible(petitionId, caller), c -> {
            try {
                c.requireActionable(name);
                action.accept(c, clock.instant());
            } catch (IllegalTransitionException illegal) {
                // An archived case says why no action applies: it is history, not a case at the wrong step.
                throw InvalidRequestException.of(
                        HttpStatus.CONFLICT,
                        illegal.state() == CaseState.ARCHIVED
                                ? Reason.of("gandan.routing.case.archived", illegal.action())
                                : Reason.of(
                                        "gandan.routing.case.illegal-transition",
                                        illegal.action(),
                                        illegal.state().code()));
            } catch (NoPolicyInForceException tooOld) {
                throw new InvalidRequestException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        Reason.of("gandan.routing.case.no-time-limit"),
                        List.of(FieldReason.text("receivedAt", tooOld.getMessage())));
            }
        });
    }

    private Case visible(String petitionId, Caller caller) {
        return cases.findById(petitionId)
                .filter(c -> caller.mayAccessProvince(c.getProvinceCode()))
                .orElseThrow(() -> notFound(petitionId));
    }

    private Authority target(Case c, Caller caller, String toAuthorityId) {
        return target(c, caller, toAuthorityId, false);
    }

    /** @param sameAllowed whether the case may stay with the body that holds it */
    private Authority target(Case c, Caller caller, String toAuthorityId, boolean sameAllowed) {
        if (toAuthorityId == null || toAuthorityId.isBlank()) {
            throw InvalidRequestException.field("toAuthorityId", "gandan.routing.case.authority-required");
        }
        Authority to = directory
                .find(toAuthorityId, today(clock.instant()))
                .orElseThrow(() -> InvalidRequestException.field(
                        "toAuthorityId", "gandan.routing.case.authority-unknown", toAuthorityId));
        if (!to.provinceCode().equals(c.getProvinceCode()) && !caller.has(Role.ADMIN)) {
            throw InvalidRequestException.field(
                    "toAuthorityId", "gandan.routing.case.authority-other-province", toAuthorityId);
        }
        if (!sameAllowed && c.getAuthority() != null && c.getAuthority().id().equals(to.id())) {
            throw InvalidRequestException.field("toAuthorityId", "gandan.routing.case.authority-same", to.id());
        }
        return to;
    }

    private Authority current(Case c, Instant now) {
        return directory
                .find(c.getAuthority().id(), today(now))
                .orElseThrow(() -> InvalidRequestException.field(
                        "toAuthorityId",
                        "gandan.routing.case.authority-unknown",
                        c.getAuthority().id()));
    }

    private StepClock runningClock(Case c, String action) {
        if (c.getClock() == null || !c.getStatus().isOpen()) {
            throw new IllegalTransitionException(action, c.getStatus());
        }
        if (c.getClock().isPaused() && !action.equals("resumed")) {
            throw conflict("gandan.routing.case.paused");
        }
        return c.getClock();
    }

    /** The clock refuses a pause or resumption it cannot take (already paused, run out): 409 with its reason. */
    private static LegalDeadline clockChange(Supplier<LegalDeadline> change) {
        try {
            return change.get();
        } catch (IllegalStateException | IllegalArgumentException refused) {
            throw new InvalidRequestException(
                    HttpStatus.CONFLICT,
                    Reason.of("gandan.routing.case.clock-refused"),
                    List.of(FieldReason.text("clock", refused.getMessage())));
        }
    }

    private static boolean holds(Caller caller, Case c) {
        return caller.has(Role.RESPONDER)
                && c.getAuthority() != null
                && c.getAuthority().id().equals(caller.authorityId());
    }

    private static boolean isOperator(Caller caller) {
        return caller.has(Role.OPERATOR) || caller.has(Role.ADMIN);
    }

    private static void requireOperator(Caller caller) {
        if (!isOperator(caller)) {
            throw InvalidRequestException.of(HttpStatus.FORBIDDEN, Reason.of("gandan.routing.case.operators-only"));
        }
    }

    private static InvalidRequestException notFound(String petitionId) {
        return InvalidRequestException.of(HttpStatus.NOT_FOUND, Reason.of("gandan.routing.case.not-found", petitionId));
    }

    private static InvalidRequestException conflict(String code) {
        return InvalidRequestException.of(HttpStatus.CONFLICT, Reason.of(code));
    }

    private static PetitionId id(Case c) {
        return PetitionId.of(c.getPetitionId());
    }

    private static LocalDate today(Instant now) {
        return WorkingCalendar.localDate(now);
    }
}
