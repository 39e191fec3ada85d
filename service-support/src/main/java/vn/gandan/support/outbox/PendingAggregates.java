package vn.gandan.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The aggregates this instance saved with events and has not relayed yet, in memory: knowing them costs no store
 * write. What a crash forgets, the relay's sweep finds again in the store (docs/adr/0003). Bounded: past {@code
 * capacity} (a long Kafka outage) it stops taking names and asks for a sweep instead, so memory does not grow with
 * the outage.
 */
class PendingAggregates {

    record Pending(String collection, Object aggregateId) {}

    private final Clock clock;
    private final int capacity;
    /** Insertion order, with the time each was first named: the oldest is first. */
    private final LinkedHashMap<Pending, Instant> pending = new LinkedHashMap<>();
    /** Taken by the round under way: still unrelayed, so still counted. */
    private final Map<Pending, Instant> inRound = new HashMap<>();

    private boolean overflowed;

    PendingAggregates(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    synchronized void add(String collection, Object aggregateId) {
        Pending key = new Pending(collection, aggregateId);
        if (pending.containsKey(key)) {
            return;
        }
        if (pending.size() >= capacity) {
            overflowed = true;
            return;
        }
        pending.put(key, clock.instant());
    }

    /**
     * Takes up to {@code limit} of the oldest for a round, which ends with {@link #relayed} or {@link #putBack}; a
     * save meanwhile names its aggregate again.
     */
    synchronized Map<Pending, Instant> take(int limit) {
        Map<Pending, Instant> taken = new LinkedHashMap<>();
        Iterator<Map.Entry<Pending, Instant>> oldest = pending.entrySet().iterator();
        while (taken.size() < limit && oldest.hasNext()) {
            var next = oldest.next();
            taken.put(next.getKey(), next.getValue());
            oldest.remove();
        }
        inRound.putAll(taken);
        return taken;
    }

    synchronized void relayed(Map<Pending, Instant> taken) {
        inRound.keySet().removeAll(taken.keySet());
    }

    /** Puts back what a failed round took, ahead of what was named since, with the times they were first named. */
    synchronized void putBack(Map<Pending, Instant> taken) {
        inRound.keySet().removeAll(taken.keySet());
        Map<Pending, Instant> since = new LinkedHashMap<>(pending);
        pending.clear();
        pending.putAll(taken);
        since.forEach(pending::putIfAbsent);
    }

    /** Whether names were turned away since the last call: then only a sweep finds those aggregates. */
    synchronized boolean overflowed() {
        boolean was = overflowed;
        overflowed = false;
        return was;
    }

    /** Names waiting for a round. */
    synchronized int waiting() {
        return pending.size();
    }

    /** Aggregates not relayed yet, those of the round under way included. */
    synchronized int size() {
        return inRound.size()
                + (int) pending.keySet().stream()
                        .filter(p -> !inRound.containsKey(p))
                        .count();
    }

    synchronized Optional<Instant> oldest() {
        return Stream.concat(pending.values().stream().limit(1), inRound.values().stream())
                .min(Comparator.naturalOrder());
    }
}
