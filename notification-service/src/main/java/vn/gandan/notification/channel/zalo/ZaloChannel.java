package vn.gandan.notification.channel.zalo;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.Masking;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.channel.ProviderException;
import vn.gandan.notification.channel.ProviderHttp;
import vn.gandan.notification.channel.ProviderResilience;

/**
 * Sends a ZNS template message: {@code {"phone": "84912345678", "template_id", "template_data", "tracking_id":
 * deliveryId}} with header {@code access_token}, and the delivery id again as {@code Idempotency-Key} for gateways
 * in front of ZNS that honour it. ZNS itself reports errors in the body of an HTTP 200 ({@link ZaloSettings} says
 * how they are classified); HTTP errors are classified as for any provider.
 */
final class ZaloChannel implements DeliveryChannel {

    static final String NAME = "zalo";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    // ZNS's messages for quota or rate errors say so in English ("Out of quota", "... daily quota ...").
    private static final Pattern QUOTA_WORDS = Pattern.compile("quota|rate limit|too many requests");

    private final ZaloSettings settings;
    private final ProviderResilience resilience;
    private final ProviderHttp http;
    private final JsonMapper json = JsonMapper.shared();

    ZaloChannel(ZaloSettings settings, ProviderResilience resilience) {
        this.settings = settings;
        this.resilience = resilience;
        this.http = new ProviderHttp("zalo zns", settings.connectTimeout(), settings.readTimeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int send(OutgoingMessage message) {
        if (message.templateId() == null || message.templateId().isBlank()) {
            throw DeliveryFailure.failed(
                    "zalo: the message has no ZNS template id (ZNS sends templates only)", 0, null);
        }
        if (!E164.matcher(message.address()).matches()) {
            throw DeliveryFailure.failed("zalo: the address is not an E.164 phone number", 0, null);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("phone", message.address().substring(1)); // ZNS wants 84912345678: E.164 without the +
        body.put("template_id", message.templateId());
        body.put("template_data", message.params());
        body.put("tracking_id", message.deliveryId());
        String payload = json.writeValueAsString(body);
        return resilience.execute(message.deliveryId(), attempt -> {
            String answer = http.postJson(
                    HttpRequest.newBuilder(settings.url())
                            .header("access_token", settings.accessToken())
                            .header("Idempotency-Key", message.deliveryId()),
                    payload,
                    settings.accessToken());
            checkZnsAnswer(answer, message.address());
        });
    }

    private void checkZnsAnswer(String answer, String address) {
        JsonNode node;
        try {
            node = json.readTree(answer);
        } catch (JacksonException e) {
            throw ProviderException.transientFailure("zalo zns answered HTTP 200 with a body that is not JSON", null);
        }
        JsonNode error = node.get("error");
        if (error == null || !error.isIntegralNumber()) {
            throw ProviderException.transientFailure("zalo zns answered HTTP 200 without an error code", null);
        }
        int code = error.asInt();
        if (code == 0) {
            return;
        }
        JsonNode text = node.get("message");
        String said = text == null || text.isNull() ? "" : Masking.scrub(text.asString(), settings.accessToken());
        // The phone as ZNS knows it (no +) is masked too, should its message quote it.
        said = said.replace(address.substring(1), Masking.address(NAME, address));
        String reason = "zalo zns error " + code + (said.isEmpty() ? "" : ": " + said);
        if (settings.quotaErrors().contains(code)
                || QUOTA_WORDS.matcher(said.toLowerCase(Locale.ROOT)).find()) {
            throw ProviderException.throttled(reason, settings.quotaRetryAfter());
        }
        if (settings.transientErrors().contains(code)) {
            throw ProviderException.transientFailure(reason, null);
        }
        throw ProviderException.permanent(reason);
    }
}
