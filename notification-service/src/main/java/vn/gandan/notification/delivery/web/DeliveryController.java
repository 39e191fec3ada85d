package vn.gandan.notification.delivery.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.notification.delivery.Deliveries;
import vn.gandan.notification.delivery.Delivery;
import vn.gandan.notification.delivery.DeliveryRetries;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;

/** What was sent about a petition, what failed, and another try of a failure: for the province's operators. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
@Validated
class DeliveryController {

    private final Deliveries deliveries;
    private final DeliveryRetries retries;

    DeliveryController(Deliveries deliveries, DeliveryRetries retries) {
        this.deliveries = deliveries;
        this.retries = retries;
    }

    /**
     * A delivery as operators see it: the recipient as a reference and the address masked.
     *
     * @param digest the digest it went out in, when it was merged with others
     */
    record DeliveryView(
            String id,
            String petitionId,
            String purpose,
            String audience,
            String channel,
            String recipient,
            String address,
            String status,
            int attempts,
            String lastError,
            String subject,
            String text,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt,
            String digest) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.getId(),
                    d.getPetitionId(),
                    d.getPurpose(),
                    d.getAudience(),
                    d.getChannel(),
                    d.getRecipient(),
                    d.getMaskedAddress(),
                    d.getStatus(),
                    d.getAttempts(),
                    d.getLastError(),
                    d.getSubject(),
                    d.getText(),
                    d.getCreatedAt(),
                    d.getNextAttemptAt(),
                    d.getSentAt(),
                    d.getSentIn());
        }
    }

    static final Pattern PETITION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @GetMapping("/notifications")
    List<DeliveryView> byPetition(@RequestParam String petitionId, Caller caller) {
        if (!PETITION_ID.matcher(petitionId).matches()) {
            // Petition ids are UUIDs: anything else names no petition, and is said to be wrong (ADR 0014).
            throw InvalidRequestException.field("petitionId", "gandan.notification.petition-id.invalid");
        }
        return deliveries.findByPetitionIdOrderByCreatedAt(petitionId).stream()
                .filter(d -> caller.mayAccessProvince(d.getProvinceCode()))
                .map(DeliveryView::of)
                .toList();
    }

    /** Deliveries in a status, newest first; {@code failed} is what operators watch. */
    @GetMapping("/deliveries")
    List<DeliveryView> byStatus(
            @RequestParam(defaultValue = "failed") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            Caller caller) {
        if (!List.of(Delivery.PENDING, Delivery.SENT, Delivery.FAILED, Delivery.CANCELLED)
                .contains(status)) {
            throw InvalidRequestException.field("status", "gandan.notification.delivery.status-unknown", status);
        }
        var pageable = org.springframework.data.domain.PageRequest.of(page, size);
        List<Delivery> found = caller.provinceCode() == null
                ? deliveries.findByStatusOrderByCreatedAtDesc(status, pageable)
                : deliveries.findByStatusAndProvinceCodeOrderByCreatedAtDesc(status, caller.provinceCode(), pageable);
        return found.stream().map(DeliveryView::of).toList();
    }

    @PostMapping("/deliveries/{id}/retry")
    DeliveryView retry(@PathVariable String id, Caller caller) {
        return DeliveryView.of(retries.retry(id, caller));
    }
}
