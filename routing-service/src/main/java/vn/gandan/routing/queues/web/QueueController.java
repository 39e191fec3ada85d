package vn.gandan.routing.queues.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.routing.queues.BulkTransfer;
import vn.gandan.routing.queues.Queue;
import vn.gandan.routing.queues.QueueAccess;
import vn.gandan.routing.queues.QueueFilter;
import vn.gandan.routing.queues.QueueListing;
import vn.gandan.routing.queues.QueueOverview;
import vn.gandan.support.security.Caller;

/**
 * The operators' queues: the province at a glance, one queue's cases, and moving many of them at once. A queue is
 * named by its authority's id, or {@code triage} for the province's triage queue; national admins name the
 * province with {@code ?province=}.
 */
@RestController
@RequestMapping("/api/v1/queues")
@PreAuthorize("hasAnyRole('OPERATOR', 'RESPONDER', 'ADMIN')")
class QueueController {

    private final QueueAccess access;
    private final QueueOverview overview;
    private final QueueListing listing;
    private final BulkTransfer transfers;

    QueueController(QueueAccess access, QueueOverview overview, QueueListing listing, BulkTransfer transfers) {
        this.access = access;
        this.overview = overview;
        this.listing = listing;
        this.transfers = transfers;
    }

    @GetMapping
    QueueOverview.Overview overview(@RequestParam(required = false) String province, Caller caller) {
        return overview.of(caller, province);
    }

    /** Parameters arrive as text so that a bad one is a problem naming it, in the caller's language. */
    @GetMapping("/{queueId}/cases")
    QueueListing.Page cases(
            @PathVariable String queueId,
            @RequestParam(required = false) List<String> state,
            @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String province,
            Caller caller) {
        Queue queue = access.queue(caller, queueId, province);
        return listing.list(
                queue, QueueFilter.parse(queue, state, overdue, dueBefore, kind, category, commune, page, size));
    }

    @PostMapping("/{queueId}/transfer")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    BulkTransfer.Result transfer(
            @PathVariable String queueId,
            @RequestParam(required = false) String province,
            @Valid @RequestBody Transfer body,
            Caller caller) {
        Queue queue = access.queue(caller, queueId, province);
        return transfers.transfer(queue, body.petitionIds(), body.toAuthorityId(), body.reason(), caller);
    }

    /** As {@code POST /api/v1/cases/{id}/transfer} takes it, for up to {@link BulkTransfer#MAX_CASES} cases. */
    record Transfer(
            @NotEmpty @Size(max = BulkTransfer.MAX_CASES) List<@NotBlank @Size(max = 60) String> petitionIds,
            @NotBlank @Size(max = 60) String toAuthorityId,
            @NotBlank @Size(max = 2_000) String reason) {}
}
