/**
 * Signed webhooks for provincial portals: subscriptions ({@link vn.gandan.notification.webhook.WebhookSubscriptions}),
 * the {@code webhook} delivery channel (CloudEvents over HTTP, binary mode, HMAC-SHA256 with a timestamp) and
 * redelivery since a time ({@link vn.gandan.notification.webhook.WebhookRedelivery}, implemented by deliveries).
 */
package vn.gandan.notification.webhook;
