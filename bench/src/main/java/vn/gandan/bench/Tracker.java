package vn.gandan.bench;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Follows each accepted petition from its send to the events that show it routed, its responder notified and it
 * counted in reporting, all on the driver's own clock ({@link System#nanoTime()}): the send time of the request
 * against the arrival of the record (or the answer) at the driver.
 *
 * <p>Thread-safe. An event may arrive before the driver has read the 201 that names its petition (the outbox
 * relay can be quicker than the response); the entry is then created by the event and completed by the send.
 */
public final class Tracker {

    /** One petition; times in nanoTime, 0 while not seen. */
    static final class Entry {
        volatile long sent;
        volatile String phase;
        volatile long routed;
        volatile long triaged;
        volatile long notified;
        volatile long counted;
    }

    /** What the petitions sent in one phase went through; latencies in microseconds from the send. */
    public record Stats(
            long accepted,
            long routed,
            long triaged,
            long notified,
            long counted,
            long sampled,
            Histogram toRouted,
            Histogram toNotified,
            Histogram toCounted) {

        /** Accepted petitions without any routing outcome yet (neither routed nor sent to triage). */
        public long unrouted() {
            return accepted - routed - triaged;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder registered = new LongAdder();

    /**
     * @param id the petition id from the 201
     * @param sentNanos when its request left
     * @param phase the phase it counts in, or null when sent outside a measured window
     */
    public void accepted(String id, long sentNanos, String phase) {
        Entry e = entry(id);
        e.phase = phase;
        e.sent = sentNanos;
        registered.increment();
    }

    /** A {@code PetitionRouted} arrived; only the first counts. */
    public void routed(String id, long arrivalNanos) {
        Entry e = entry(id);
        if (e.routed == 0) {
            e.routed = arrivalNanos;
        }
    }

    /** A {@code PetitionRoutingFailed} arrived: routing decided, the petition waits in triage for an operator. */
    public void triaged(String id, long arrivalNanos) {
        Entry e = entry(id);
        if (e.triaged == 0) {
            e.triaged = arrivalNanos;
        }
    }

    /** The responder's {@code new_case} notification was sent. */
    public void notified(String id, long arrivalNanos) {
        Entry e = entry(id);
        if (e.notified == 0) {
            e.notified = arrivalNanos;
        }
    }

    /** Reporting's timeline showed the petition as routed. */
    public void counted(String id, long nanos) {
        Entry e = entries.get(id);
        if (e != null && e.counted == 0) {
            e.counted = nanos;
        }
    }

    /** Petitions accepted so far, in any phase or none. */
    public long acceptedCount() {
        return registered.sum();
    }

    /** Whether this petition has been routed (or triaged). */
    public boolean decided(String id) {
        Entry e = entries.get(id);
        return e != null && (e.routed != 0 || e.triaged != 0);
    }

    /** Accepted petitions (in any phase) with no routing outcome yet. */
    public long undecided() {
        return entries.values().stream()
                .filter(e -> e.sent != 0 && e.routed == 0 && e.triaged == 0)
                .count();
    }

    /** Accepted petitions of a phase that were routed to an authority but whose responder was not yet notified. */
    public long unnotified(String phase) {
        return entries.values().stream()
                .filter(e -> phase.equals(e.phase) && e.routed != 0 && e.notified == 0)
                .count();
    }

    /** @param sampled how many of the phase's petitions the timeline probe followed */
    public Stats stats(String phase, long sampled) {
        Histogram routed = new Histogram(3);
        Histogram notified = new Histogram(3);
        Histogram counted = new Histogram(3);
        long accepted = 0, nRouted = 0, nTriaged = 0, nNotified = 0, nCounted = 0;
        for (Entry e : entries.values()) {
            if (!Objects.equals(phase, e.phase) || e.sent == 0) {
                continue;
            }
            accepted++;
            if (e.routed != 0) {
                nRouted++;
                routed.recordValue(micros(e.routed - e.sent));
            } else if (e.triaged != 0) {
                nTriaged++;
            }
            if (e.notified != 0) {
                nNotified++;
                notified.recordValue(micros(e.notified - e.sent));
            }
            if (e.counted != 0) {
                nCounted++;
                counted.recordValue(micros(e.counted - e.sent));
            }
        }
        return new Stats(accepted, nRouted, nTriaged, nNotified, nCounted, sampled, routed, notified, counted);
    }

    private static long micros(long nanos) {
        return Math.max(1, nanos / 1000);
    }

    private Entry entry(String id) {
        return entries.computeIfAbsent(id, k -> new Entry());
    }
}
