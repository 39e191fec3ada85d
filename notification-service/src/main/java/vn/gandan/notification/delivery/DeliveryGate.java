package vn.gandan.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.bson.Document;
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

    /** @return why and until when it must wait, or null when it may go now */
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
        if (sentToday(delivery, local.toLocalDate()) >= properties.dailyCap()) {
            return new Hold(
                    "daily_cap",
                    local.toLocalDate()
                            .plusDays(1)
                            .atTime(quiet.end())
                            .atZone(NotificationPlanner.VIETNAM)
                            .toInstant());
        }
        return null;
    }

    /** Counts a message that went out towards its recipient's cap for the day. */
    void counted(Delivery delivery, Instant at) {
        mongo.upsert(
                query(where("_id")
                        .is(capKey(
                                delivery, at.atZone(NotificationPlanner.VIETNAM).toLocalDate()))),
                new Update().inc("sent", 1),
                CAPS);
    }

    private long sentToday(Delivery delivery, LocalDate day) {
        Document cap = mongo.findById(capKey(delivery, day), Document.class, CAPS);
        return cap == null ? 0 : ((Number) cap.get("sent")).longValue();
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
