package vn.gandan.notification.webhook.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.notification.webhook.RedeliveryRequests;
import vn.gandan.notification.webhook.Subscription;
import vn.gandan.notification.webhook.WebhookSubscriptions;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;

/**
 * Portals manage their own webhooks; operators of the province and national admins may look at them. A
 * subscription of someone else is a 404, not a 403: its existence is not for others to learn. The secret goes in
 * once, with the creation, and never comes back out.
 */
@RestController
@RequestMapping(WebhookController.PATH)
class WebhookController {

    static final String PATH = "/api/v1/webhooks";

    private final WebhookSubscriptions subscriptions;
    private final RedeliveryRequests redeliveries;

    WebhookController(WebhookSubscriptions subscriptions, RedeliveryRequests redeliveries) {
        this.subscriptions = subscriptions;
        this.redeliveries = redeliveries;
    }

    /**
     * @param url where to post: absolute {@code https}, public addresses only
     * @param secret the HMAC key of the signatures, 16 to 200 characters
     */
    record CreateRequest(String url, String secret) {

        /** Never the secret. */
        @Override
        public String toString() {
            return "CreateRequest[url=" + url + "]";
        }
    }

    record RedeliverRequest(Instant since) {}

    record Redelivered(int queued) {}

    /** A subscription as answered: never the secret. */
    record SubscriptionView(
            String id, String portalId, String url, String provinceCode, Instant createdAt, boolean active) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.portalId(), s.url(), s.provinceCode(), s.createdAt(), s.active());
        }
    }

    /** 201 with Location; 400 naming {@code url} and {@code secret}; 409 past the limit per portal. */
    @PostMapping
    @PreAuthorize("hasRole('PORTAL')")
    ResponseEntity<SubscriptionView> create(@RequestBody CreateRequest request, Caller portal) {
        Subscription created =
                subscriptions.subscribe(portal.portalId(), portal.provinceCode(), request.url(), request.secret());
        return ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(SubscriptionView.of(created));
    }

    /** A portal's own; a province's for its operators; all for national admins. Newest first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('PORTAL', 'OPERATOR', 'ADMIN')")
    List<SubscriptionView> list(Caller caller) {
        List<Subscription> found;
        if (caller.has(Role.PORTAL)) {
            found = subscriptions.ofPortal(caller.portalId());
        } else if (caller.has(Role.ADMIN)) {
            found = subscriptions.all();
        } else {
            found = caller.provinceCode() == null ? List.of() : subscriptions.ofProvince(caller.provinceCode());
        }
        return found.stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('PORTAL', 'OPERATOR', 'ADMIN')")
    ResponseEntity<SubscriptionView> one(@PathVariable String id, Caller caller) {
        return subscriptions
                .find(id)
                .filter(s -> visibleTo(s, caller))
                .map(SubscriptionView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** 204, again on a repeat; 404 for a subscription that is not the portal's own. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('PORTAL')")
    ResponseEntity<Void> delete(@PathVariable String id, Caller portal) {
        return subscriptions
                .find(id)
                .filter(s -> ownedBy(s, portal))
                .map(s -> {
                    subscriptions.deactivate(s.id(), "deleted by portal " + portal.portalId());
                    return ResponseEntity.noContent().<Void>build();
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** 202 with how many deliveries were queued again; 400 for a bad {@code since}; 409 if inactive. */
    @PostMapping("/{id}/redeliver")
    @PreAuthorize("hasRole('PORTAL')")
    ResponseEntity<Redelivered> redeliver(
            @PathVariable String id, @RequestBody RedeliverRequest request, Caller portal) {
        return subscriptions
                .find(id)
                .filter(s -> ownedBy(s, portal))
                .map(s -> ResponseEntity.accepted().body(new Redelivered(redeliveries.redeliver(s, request.since()))))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static boolean ownedBy(Subscription subscription, Caller caller) {
        return caller.has(Role.PORTAL) && Objects.equals(subscription.portalId(), caller.portalId());
    }

    private static boolean visibleTo(Subscription subscription, Caller caller) {
        if (caller.has(Role.PORTAL)) {
            return ownedBy(subscription, caller);
        }
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        return caller.has(Role.OPERATOR) && Objects.equals(subscription.provinceCode(), caller.provinceCode());
    }
}
