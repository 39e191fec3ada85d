package vn.gandan.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the service from spamming: quiet hours for the channels that wake people (SMS, Zalo) and a cap per
 * recipient, channel and day, both in Viet Nam's time; urgent messages (escalations) pass. A message held back
 * waits; it is never dropped.
 */
@Component
class DeliveryGate {

    static final String CAPS = "delivery_caps";

    private final NotificationProperties properties;
    private final MongoTemplate mongo;

    DeliveryGate(NotificationProperties properties, MongoTemplate mongo) {
        this.properties = properties;
        this.mongo = mongo;
    }

    record Hold(String reason, Instant until) {}

    /**
     * The quiet hours (the cap is taken by {@link #reserve}, right before the send).
     *
     * @return why and until when it must wait, or null when it may go now
     */
    Hold check(Delivery delivery, Instant now) {
        if (delivery.isUrgent()) {
            return null;
        }
        ZonedDateTime local = now.atZone(NotificationPlanner.VIETNAM);
        var quiet = properties.quietHours();
        if (quiet.channels().contains(delivery.getChannel())
                && isQuiet(local.toLocalTime(), quiet.start(), quiet.end())) {
            ZonedDateTime end = local.toLocalTime().isBefore(quiet.end())
                    ? local.with(quiet.end())
                    : local.plusDays(1).with(quiet.end());
            return new Hold("quiet_hours", end.toInstant());
        }
        return null;
    }

    /**
     * Takes one of the recipient's places for the day on the channel, in one atomic write, right before the message
     * goes out: workers sending to one office at once cannot overshoot the cap (the check alone, read then counted
     * after the send, let every worker of a round through). Urgent messages take one whatever the count.
     *
     * @return null when the place is taken, else the hold until the next morning
     */
    Hold reserve(Delivery delivery, Instant now) {
        LocalDate day = dayOf(now);
        var id = where("_id").is(capKey(delivery, day));
        if (delivery.isUrgent()) {
            mongo.upsert(query(id), new Update().inc("sent", 1), CAPS);
            return null;
        }
        try {
            // No document below the cap: the upsert inserts one with this _id, which exists if the day is full.
            mongo.upsert(query(id.and("sent").lt(properties.dailyCap())), new Update().inc("sent", 1), CAPS);
            return null;
        } catch (DuplicateKeyException full) {
            return capReached(day);
        }
    }

    /** Gives back a place {@link #reserve} took at {@code now} for a message that did not go out. */
    void release(Delivery delivery, Instant now) {
        mongo.updateFirst(query(where("_id").is(capKey(delivery, dayOf(now)))), new Update().inc("sent", -1), CAPS);
    }

    /** The cap's day: Viet Nam's. */
    private static LocalDate dayOf(Instant at) {
        return at.atZone(NotificationPlanner.VIETNAM).toLocalDate();
    }

    private Hold capReached(LocalDate day) {
        return new Hold(
                "daily_cap",
                day.plusDays(1)
                        .atTime(properties.quietHours().end())
                        .atZone(NotificationPlanner.VIETNAM)
                        .toInstant());
    }

    static boolean isQuiet(LocalTime time, LocalTime start, LocalTime end) {
        return start.isAfter(end)
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    private static String capKey(Delivery delivery, LocalDate day) {
        return delivery.getRecipient() + "|" + delivery.getChannel() + "|" + day;
    }
}
