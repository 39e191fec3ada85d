package vn.gandan.routing.cases.web;

import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.CaseActions;
import vn.gandan.routing.cases.CaseClocks;
import vn.gandan.support.security.Caller;

/**
 * A case and what responders and operators do to it. Each action answers the case as it is now; a case the caller
 * may not see is not found, an action the caller may not take is 403, one the case's state forbids is 409.
 */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasAnyRole('OPERATOR', 'RESPONDER', 'ADMIN')")
class CaseController {

    private final CaseActions actions;
    private final CaseClocks clocks;
    private final Clock clock;

    CaseController(CaseActions actions, CaseClocks clocks, Clock clock) {
        this.actions = actions;
        this.clocks = clocks;
        this.clock = clock;
    }

    @GetMapping("/{petitionId}")
    CaseView get(@PathVariable String petitionId, Caller caller) {
        return view(actions.view(petitionId, caller));
    }

    @PostMapping("/{petitionId}/acknowledge")
    CaseView acknowledge(@PathVariable String petitionId, Caller caller) {
        return view(actions.acknowledge(petitionId, caller));
    }

    @PostMapping("/{petitionId}/transfer")
    CaseView transfer(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Transfer body, Caller caller) {
        return view(actions.transfer(petitionId, caller, body.toAuthorityId(), body.reason()));
    }

    @PostMapping("/{petitionId}/extension")
    CaseView extend(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Extension body, Caller caller) {
        return view(actions.extend(petitionId, caller, body.days(), body.complexity(), body.reason()));
    }

    @PostMapping("/{petitionId}/pause")
    CaseView pause(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Pause body, Caller caller) {
        return view(actions.pause(petitionId, caller, body.reason()));
    }

    @PostMapping("/{petitionId}/resume")
    CaseView resume(@PathVariable String petitionId, Caller caller) {
        return view(actions.resume(petitionId, caller));
    }

    @PostMapping("/{petitionId}/resolve")
    CaseView resolve(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Resolve body, Caller caller) {
        return view(actions.resolve(petitionId, caller, body.response()));
    }

    @PostMapping("/{petitionId}/reject")
    CaseView reject(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Reject body, Caller caller) {
        return view(actions.reject(petitionId, caller, body.reason(), body.explanation()));
    }

    @PostMapping("/{petitionId}/close")
    CaseView close(@PathVariable String petitionId, Caller caller) {
        return view(actions.close(petitionId, caller));
    }

    @PostMapping("/{petitionId}/reopen")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    CaseView reopen(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Reopen body, Caller caller) {
        return view(actions.reopen(petitionId, caller, body.reason(), body.toAuthorityId()));
    }

    /** Operators: out of triage, or to another authority. */
    @PostMapping("/{petitionId}/assign")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    CaseView assign(@PathVariable String petitionId, @Valid @RequestBody CaseRequests.Assign body, Caller caller) {
        return view(actions.assign(petitionId, caller, body.toAuthorityId(), body.reason()));
    }

    private CaseView view(Case c) {
        return CaseView.of(c, clocks.status(c, clock.instant()));
    }
}
