package vn.gandan.notification.delivery;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who hears of what, on which channel, and how the service keeps from spamming them: configuration, not code.
 *
 * @param rules which events reach which audience on which channels
 * @param contacts where authorities are reached (notification-service keeps its own list of offices' addresses)
 * @param digestWindow nudges to one recipient on one channel within this window go out as one message
 * @param dailyCap at most this many messages to one recipient on one channel per day; the rest wait for the next
 *     day (urgent ones excepted)
 * @param quietHours when SMS and Zalo stay silent (Viet Nam time); urgent messages excepted
 * @param dispatch how the sender works through what is due
 * @param zaloTemplates per purpose, the Zalo ZNS template registered for it (Zalo sends only approved templates); a
 *     purpose without one fails on Zalo with its reason
 */
@ConfigurationProperties("gandan.notification")
public record NotificationProperties(
        @DefaultValue List<Rule> rules,
        @DefaultValue Contacts contacts,
        @DefaultValue("10m") Duration digestWindow,
        @DefaultValue("20") int dailyCap,
        @DefaultValue QuietHours quietHours,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Map<String, String> zaloTemplates) {

    /**
     * @param event the event's short type: {@code routed}, {@code transferred}, {@code deadline_approaching},
     *     {@code overdue}, {@code escalated}, ... or {@code *} for every routing event (portals' webhooks)
     * @param audience {@code responder} (the authority the event names as holding the case), {@code supervisor}
     *     (the supervisors of the authority an escalation went to), {@code portal} (the province's webhooks),
     *     {@code citizen} (the citizen, only with their consent and on the channels they chose; the event
     *     {@code received} is their consent itself)
     * @param purpose the template and the name deliveries record, e.g. {@code new_case}
     * @param digest whether these may be merged into a digest
     * @param urgent whether they go out in quiet hours and beyond the daily cap
     */
    public record Rule(
            String event, String audience, List<String> channels, String purpose, boolean digest, boolean urgent) {}

    /**
     * @param authorities per authority id, its offices' contacts
     * @param defaultEmail for an authority without contacts, an address made from its id ({@code {authority}}
     *     replaced), e.g. for the local run's SMTP server; none in production, where a missing contact fails the
     *     delivery with its reason
     */
    public record Contacts(@DefaultValue Map<String, List<Contact>> authorities, String defaultEmail) {}

    /** @param role {@code responder} or {@code supervisor} */
    public record Contact(String role, String email, String phone) {}

    public record QuietHours(
            @DefaultValue("21:00") LocalTime start,
            @DefaultValue("07:00") LocalTime end,
            @DefaultValue({"sms", "zalo"}) Set<String> channels) {}

    /** @param workers how many deliveries one instance sends at once */
    public record Dispatch(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("8") int workers) {}
}
