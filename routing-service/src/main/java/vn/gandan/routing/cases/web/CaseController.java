package vn.gandan.routing.cases.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.Cases;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;

@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

    /** Operators see their province's cases, responders their authority's; anything else is not found. */
    @GetMapping("/{petitionId}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'RESPONDER', 'ADMIN')")
    ResponseEntity<CaseView> get(@PathVariable String petitionId, Caller caller) {
        return cases.findById(petitionId)
                .filter(c -> mayView(caller, c))
                .map(CaseView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static boolean mayView(Caller caller, Case c) {
        if (!caller.mayAccessProvince(c.getProvinceCode())) {
            return false;
        }
        if (caller.has(Role.OPERATOR) || caller.has(Role.ADMIN)) {
            return true;
        }
        return c.getAuthority() != null && c.getAuthority().id().equals(caller.authorityId());
    }
}
