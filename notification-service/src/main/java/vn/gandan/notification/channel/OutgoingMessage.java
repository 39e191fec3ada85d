package vn.gandan.notification.channel;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One message ready to leave on one channel for one address. Built and recorded by the delivery feature before
 * any attempt; channels only send it.
 *
 * @param deliveryId the delivery's stable id: the idempotency key every provider gets (e-mail {@code Message-ID},
 *     HTTP {@code Idempotency-Key}), so a repeated attempt is the same message; a webhook's {@code ce-id} stays the
 *     event's own id, so a portal recognises the same event redelivered
 * @param channel {@code email}, {@code sms}, {@code zalo} or {@code webhook}
 * @param address where it goes: an e-mail address, an E.164 phone number, a Zalo recipient (phone in E.164), or a
 *     webhook subscription id; personal data: never logged unmasked ({@link Masking})
 * @param subject the e-mail subject; null for the other channels
 * @param text the rendered message in {@code language}
 * @param templateId the provider's template for template messages (Zalo ZNS); null otherwise
 * @param params the facts the template is filled with (tracking code, authority, due date...), by name
 * @param event for webhooks: the CloudEvent to post; null for the other channels
 */
public record OutgoingMessage(
        String deliveryId,
        String channel,
        String address,
        String subject,
        String text,
        Locale language,
        String templateId,
        Map<String, String> params,
        CloudEventPayload event) {

    public OutgoingMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /**
     * A petition event as the CloudEvents HTTP binding (binary mode) carries it.
     *
     * @param data the event's JSON, as published on Kafka
     */
    public record CloudEventPayload(String id, String type, String source, String subject, String time, byte[] data) {}

    @Override
    public String toString() {
        return "OutgoingMessage[" + deliveryId + ", " + channel + ", " + Masking.address(channel, address) + "]";
    }
}
