package vn.gandan.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.gandan.notification.webhook.Subscription;
import vn.gandan.notification.webhook.WebhookRedelivery;

/**
 * A portal's request to have its province's events again: every event that went (or was due to go) to the
 * province's webhooks since that time is queued once more for the asking subscription, as new deliveries keyed by
 * the request, so asking twice sends twice and a replay of one request does not.
 */
@Component
class WebhookDeliveries implements WebhookRedelivery {

    private final Deliveries deliveries;
    private final DeliveryRecorder recorder;
    private final DeliveryDispatcher dispatcher;
    private final java.time.Clock clock;

    WebhookDeliveries(
            Deliveries deliveries, DeliveryRecorder recorder, DeliveryDispatcher dispatcher, java.time.Clock clock) {
        this.deliveries = deliveries;
        this.recorder = recorder;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public int redeliver(Subscription subscription, Instant since) {
        Map<String, Delivery> byEvent = new LinkedHashMap<>();
        for (Delivery sent : deliveries.findByProvinceCodeAndChannelAndCreatedAtGreaterThanEqualOrderByCreatedAt(
                subscription.provinceCode(), "webhook", since)) {
            if (sent.getEvent() != null) {
                byEvent.putIfAbsent(sent.getTriggerEventId(), sent);
            }
        }
        String request = "redelivery@" + clock.instant();
        List<Intent> again = new ArrayList<>();
        for (Delivery earlier : byEvent.values()) {
            again.add(new Intent(
                    earlier.getPetitionId(),
                    earlier.getProvinceCode(),
                    earlier.getTriggerEventId() + "|" + request,
                    earlier.getTriggerType(),
                    earlier.getPurpose(),
                    "portal",
                    "webhook:" + subscription.id(),
                    "webhook",
                    subscription.id(),
                    null,
                    null,
                    earlier.language(),
                    null,
                    Map.of(),
                    earlier.getEvent(),
                    false,
                    true));
        }
        int queued = recorder.record(again);
        dispatcher.wakeUp();
        return queued;
    }
}
