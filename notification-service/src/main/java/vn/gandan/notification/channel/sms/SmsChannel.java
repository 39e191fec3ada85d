package vn.gandan.notification.channel.sms;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.channel.ProviderHttp;
import vn.gandan.notification.channel.ProviderResilience;

/**
 * Posts {@code {"to": "+8491…", "text": "…"}} to the gateway with its bearer token and the delivery id as {@code
 * Idempotency-Key}, the same on every attempt, so a retried request the gateway already took is not sent twice.
 */
final class SmsChannel implements DeliveryChannel {

    static final String NAME = "sms";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private final SmsSettings settings;
    private final ProviderResilience resilience;
    private final ProviderHttp http;
    private final JsonMapper json = JsonMapper.shared();

    SmsChannel(SmsSettings settings, ProviderResilience resilience) {
        this.settings = settings;
        this.resilience = resilience;
        this.http = new ProviderHttp("sms gateway", settings.connectTimeout(), settings.readTimeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int send(OutgoingMessage message) {
        if (!E164.matcher(message.address()).matches()) {
            throw DeliveryFailure.failed("sms: the address is not an E.164 phone number", 0, null);
        }
        if (message.text() == null || message.text().isBlank()) {
            throw DeliveryFailure.failed("sms: the message has no text", 0, null);
        }
        var body = new LinkedHashMap<String, String>();
        body.put("to", message.address());
        body.put("text", message.text());
        String payload = json.writeValueAsString(body);
        return resilience.execute(
                message.deliveryId(),
                attempt -> http.postJson(
                        HttpRequest.newBuilder(settings.url())
                                .header("Authorization", "Bearer " + settings.token())
                                .header("Idempotency-Key", message.deliveryId()),
                        payload,
                        settings.token()));
    }
}
