package vn.gandan.notification.delivery;

import java.util.Locale;
import java.util.Map;
import vn.gandan.notification.channel.OutgoingMessage;

/**
 * A delivery the rules call for, before it is recorded: who, on which channel, with what words.
 *
 * @param recipient a reference, never an address: {@code authority:ubnd-17605}, {@code webhook:<id>}
 * @param address where the channel sends it (personal data for people)
 * @param digest whether it may be merged with others to the same recipient and channel
 * @param urgent whether it goes out even in quiet hours
 */
record Intent(
        String petitionId,
        String provinceCode,
        String triggerEventId,
        String triggerType,
        String purpose,
        String audience,
        String recipient,
        String channel,
        String address,
        String subject,
        String text,
        Locale language,
        String templateId,
        Map<String, String> params,
        OutgoingMessage.CloudEventPayload event,
        boolean digest,
        boolean urgent) {}
