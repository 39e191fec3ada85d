package vn.gandan.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.gandan.events.NotificationFailed;
import vn.gandan.events.PetitionId;
import vn.gandan.support.outbox.NewAggregates;

/**
 * Records every intended delivery before anything is attempted, once per (event, recipient, channel): a replayed
 * event finds its deliveries and adds none. Its queue entry (or its digest's) is written first, so a crash between
 * the two writes leaves an entry with nothing to do, never a delivery nobody sends.
 */
@Component
class DeliveryRecorder {

    private final Deliveries deliveries;
    private final NewAggregates newAggregates;
    private final DeliveryQueue queue;
    private final DigestBook digests;
    private final NotificationProperties properties;
    private final Clock clock;

    DeliveryRecorder(
            Deliveries deliveries,
            NewAggregates newAggregates,
            DeliveryQueue queue,
            DigestBook digests,
            NotificationProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.newAggregates = newAggregates;
        this.queue = queue;
        this.digests = digests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records them together: the queue entries of all in one bulk write, then all deliveries in another, so that an
     * event's deliveries cost two writes, not two each.
     *
     * @return how many deliveries it recorded (fewer than intents on a replay)
     */
    int record(List<Intent> intents) {
        Recording recording = recording();
        recording.add(intents);
        return recording.write();
    }

    /** Deliveries of several events recorded together (a poll's), in two writes in all. */
    Recording recording() {
        return new Recording();
    }

    /**
     * Each delivery is made when its intents are added, in the trace of the event that asked for it (which it keeps
     * for its sending); {@link #write} writes the queue entries, then the deliveries.
     */
    final class Recording {

        private final Map<String, Delivery> fresh = new LinkedHashMap<>();
        private final Map<String, Instant> due = new LinkedHashMap<>();

        private Recording() {}

        void add(List<Intent> intents) {
            for (Intent intent : intents) {
                String id =
                        NotificationPlanner.deliveryId(intent.triggerEventId(), intent.recipient(), intent.channel());
                // existsById counts by aggregation: a scan in the embedded store
                if (fresh.containsKey(id) || deliveries.findById(id).isPresent()) {
                    continue;
                }
                fresh.put(id, delivery(intent, id));
            }
        }

        private Delivery delivery(Intent intent, String id) {
            Instant now = clock.instant();
            Delivery delivery = new Delivery(intent, id, now);
            if (intent.address() == null) {
                // Nobody to send it to: it fails, visibly, and the event goes on to its other recipients.
                delivery.failed(
                        now,
                        0,
                        "no_contact: no " + intent.channel() + " address for " + intent.recipient(),
                        new NotificationFailed(
                                UUID.randomUUID(),
                                PetitionId.of(intent.petitionId()),
                                now,
                                UUID.fromString(id),
                                intent.purpose(),
                                intent.channel(),
                                intent.recipient(),
                                "no_contact"));
            } else if (delivery.getDigestKey() != null) {
                Instant sendAt = digests.add(delivery.getDigestKey(), id, now.plus(properties.digestWindow()));
                due.merge(DeliveryQueue.DIGEST_PREFIX + delivery.getDigestKey(), sendAt, DeliveryRecorder::earlier);
                delivery.deferred(null, sendAt);
            } else {
                due.merge(id, now, DeliveryRecorder::earlier);
            }
            return delivery;
        }

        /**
         * Writes what was added, then forgets it.
         *
         * @return how many deliveries it recorded
         */
        int write() {
            queue.dueBy(due);
            // One handled twice at once: the first record stands.
            int recorded = newAggregates
                    .insert(Delivery.class, List.copyOf(fresh.values()), Delivery::getId)
                    .size();
            fresh.clear();
            due.clear();
            return recorded;
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
