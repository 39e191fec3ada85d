package vn.gandan.notification.webhook;

import java.time.Instant;

/**
 * Queues again, for one subscription, every delivery its province had since a time. Implemented by the delivery
 * feature, which keeps the events; the webhook feature only validates the portal's request and calls it.
 */
public interface WebhookRedelivery {

    /**
     * @param subscription active, and owned by the portal that asked
     * @param since not in the future, and within {@code gandan.notification.webhooks.max-redelivery}
     * @return how many deliveries it queued
     */
    int redeliver(Subscription subscription, Instant since);
}
