package vn.gandan.intake.submission.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.intake.submission.NotificationWithdrawal;
import vn.gandan.support.security.Caller;

/** The citizen's consent to notifications, after the petition was submitted with it. */
@RestController
@RequestMapping("/api/v1")
class NotificationConsentController {

    private final NotificationWithdrawal withdrawal;

    NotificationConsentController(NotificationWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    /**
     * 200 with the petition and its withdrawn consent; again 200, and nothing new is published, when it was withdrawn
     * before or never given. 404 for a petition of another province, 403 for one another portal submitted. A custom
     * method in the style of {@code POST /petitions:batch}: a literal segment, so the colon needs no escaping.
     */
    @PostMapping("/petitions/{id}/notifications:withdraw")
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:write')")
    ResponseEntity<PetitionView> withdraw(@PathVariable String id, Caller portal) {
        return withdrawal
                .withdraw(id, portal)
                .map(PetitionView::of)
                .map(ResponseEntity::ok)
                .orElseThrow(() -> PetitionController.notFound(id));
    }
}
