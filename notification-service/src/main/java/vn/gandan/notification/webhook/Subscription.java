package vn.gandan.notification.webhook;

import java.time.Instant;

/**
 * A portal's webhook as everyone but the channel sees it: never its secret.
 *
 * @param id what a delivery's address is on the {@code webhook} channel
 * @param portalId the portal that owns it
 * @param provinceCode the province the portal acts for: it receives that province's events
 * @param active false once the portal deleted it or its URL answered 410 Gone
 */
public record Subscription(
        String id, String portalId, String provinceCode, String url, Instant createdAt, boolean active) {}
