package vn.gandan.notification.nudge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.gandan.events.NotificationSent;
import vn.gandan.events.PetitionRouted;

/**
 * Tells the assigned authority about a new case. The notification is recorded first (pending), then delivered,
 * then marked sent with its event: a crash in between leaves a pending record to resume, never a lost nudge.
 */
@Service
public class ResponderNudges {

    static final String NEW_CASE = "new_case";

    private final Notifications notifications;
    private final LogChannel channel;
    private final Clock clock;

    ResponderNudges(Notifications notifications, LogChannel channel, Clock clock) {
        this.notifications = notifications;
        this.channel = channel;
        this.clock = clock;
    }

    public void newCase(PetitionRouted routed) {
        String recipient = "authority:" + routed.authority().id();
        String id = deliveryId(routed.eventId().toString(), recipient, LogChannel.NAME);
        if (notifications.existsById(id)) {
            return;
        }
        Instant now = clock.instant();
        Notification notification = new Notification(
                id,
                routed.petitionId().toString(),
                routed.place().provinceCode(),
                routed.eventId().toString(),
                NEW_CASE,
                LogChannel.NAME,
                recipient,
                "Một kiến nghị mới đã được giao cho " + routed.authority().name() + ".",
                now);
        try {
            notification = notifications.insert(notification);
        } catch (DuplicateKeyException concurrent) {
            return;
        }
        channel.deliver(notification);
        notification.sent(
                clock.instant(),
                new NotificationSent(
                        UUID.randomUUID(),
                        routed.petitionId(),
                        clock.instant(),
                        UUID.fromString(id),
                        NEW_CASE,
                        LogChannel.NAME,
                        recipient));
        notifications.save(notification);
    }

    /** The same (trigger, recipient, channel) always gives the same id: the idempotency key of a delivery. */
    static String deliveryId(String triggerEventId, String recipient, String channel) {
        return UUID.nameUUIDFromBytes(
                        (triggerEventId + "|" + recipient + "|" + channel).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
