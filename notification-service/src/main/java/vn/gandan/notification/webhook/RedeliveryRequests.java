package vn.gandan.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/** A portal asks for its province's events since a time again: checked here, queued by {@link WebhookRedelivery}. */
@Service
public class RedeliveryRequests {

    static final String CODE = "gandan.notification.webhook.";
    static final String SINCE_REQUIRED = CODE + "since.required";
    static final String SINCE_FUTURE = CODE + "since.future";
    static final String SINCE_TOO_OLD = CODE + "since.too-old";
    static final String INACTIVE = CODE + "inactive";

    private final WebhookRedelivery redelivery;
    private final WebhookProperties properties;
    private final Clock clock;

    RedeliveryRequests(WebhookRedelivery redelivery, WebhookProperties properties, Clock clock) {
        this.redelivery = redelivery;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param subscription the asking portal's own
     * @return how many deliveries were queued
     * @throws InvalidRequestException 400 for a missing, future or too old {@code since}; 409 for an inactive
     *     subscription
     */
    public int redeliver(Subscription subscription, Instant since) {
        Instant now = clock.instant();
        if (since == null) {
            throw InvalidRequestException.field("since", SINCE_REQUIRED);
        }
        if (since.isAfter(now)) {
            throw InvalidRequestException.field("since", SINCE_FUTURE);
        }
        if (since.isBefore(now.minus(properties.maxRedelivery()))) {
            throw InvalidRequestException.field(
                    "since", SINCE_TOO_OLD, properties.maxRedelivery().toDays());
        }
        if (!subscription.active()) {
            throw InvalidRequestException.of(HttpStatus.CONFLICT, Reason.of(INACTIVE), new FieldReason[0]);
        }
        return redelivery.redeliver(subscription, since);
    }
}
