package vn.gandan.notification.nudge.web;

import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.notification.nudge.Notification;
import vn.gandan.notification.nudge.Notifications;
import vn.gandan.support.security.Caller;

@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    record NotificationView(
            String id,
            String petitionId,
            String purpose,
            String channel,
            String recipient,
            String status,
            Instant createdAt,
            Instant sentAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(
                    n.getId(),
                    n.getPetitionId(),
                    n.getPurpose(),
                    n.getChannel(),
                    n.getRecipient(),
                    n.getStatus(),
                    n.getCreatedAt(),
                    n.getSentAt());
        }
    }

    /** The notifications about one petition, for callers of its province. */
    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    List<NotificationView> byPetition(@RequestParam String petitionId, Caller caller) {
        return notifications.findByPetitionIdOrderByCreatedAt(petitionId).stream()
                .filter(n -> caller.mayAccessProvince(n.getProvinceCode()))
                .map(NotificationView::of)
                .toList();
    }
}
