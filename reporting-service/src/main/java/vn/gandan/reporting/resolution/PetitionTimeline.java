package vn.gandan.reporting.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.NotificationSent;
import vn.gandan.events.PetitionEvent;

/**
 * One petition's events, each once and in order, its derived state, and the state its figures were last counted
 * from. A change of the figures is written here first, as {@link #pending} with the {@link Position} of the record
 * that made it, in the same write as the events; the buckets are then moved by it, each guarded by that position
 * so that a retry cannot count twice (see {@link ResolutionProjector}).
 */
@Document(PetitionTimeline.COLLECTION)
public class PetitionTimeline {

    public static final String COLLECTION = "petition_timelines";

    /** One amount of a pending difference: the bucket, the field ({@code received}, {@code days.3}…), by how much. */
    public record Amount(String bucket, String field, long value) {}

    @Id
    private String petitionId;

    private List<TimelineEntry> events = new ArrayList<>();
    private PetitionState state;
    private PetitionState counted;
    private long revision;
    private int notificationsSent;
    private List<Amount> pending;
    private Position pendingAt;

    @Version
    private Long version;

    /** What was counted before the last recount, for this write only: null when read from the store. */
    @Transient
    private PetitionState countedBefore;

    /** The events before the one just added, whose changes by day were counted. */
    @Transient
    private List<TimelineEntry> previous = List.of();

    protected PetitionTimeline() {}

    PetitionTimeline(String petitionId) {
        this.petitionId = petitionId;
    }

    /** @return false if this event was applied before */
    boolean add(PetitionEvent event) {
        String eventId = event.eventId().toString();
        if (events.stream().anyMatch(e -> e.eventId().equals(eventId))) {
            return false;
        }
        previous = List.copyOf(events);
        events.add(TimelineEntry.of(event));
        if (event instanceof NotificationSent) {
            notificationsSent++; // for the summary, which counts them without reading the events
        }
        events.sort(TimelineEntry.ORDER);
        state = PetitionState.derive(events);
        return true;
    }

    /**
     * Records the difference between what was counted and the state now, and between the changes by day of the
     * events before and after the one just added, as pending (possibly no amounts, when only the open case or the
     * groups change); false if nothing changed.
     *
     * @param at the record the event was read from: the guard of the buckets' update
     */
    boolean recount(Position at) {
        Map<String, Map<String, Long>> before = counted == null ? Map.of() : Buckets.contributionOf(counted);
        Map<String, Map<String, Long>> diff = Buckets.merge(
                Buckets.difference(before, Buckets.contributionOf(state)),
                Buckets.difference(Buckets.changesOf(previous), Buckets.changesOf(events)));
        boolean changed = !state.equals(counted);
        countedBefore = counted;
        counted = state;
        if (diff.isEmpty() && !changed) {
            return false;
        }
        List<Amount> amounts = new ArrayList<>();
        diff.forEach(
                (bucket, fields) -> fields.forEach((field, value) -> amounts.add(new Amount(bucket, field, value))));
        pending = amounts;
        pendingAt = at;
        revision++;
        return true;
    }

    Map<String, Map<String, Long>> pendingByBucket() {
        Map<String, Map<String, Long>> byBucket = new TreeMap<>();
        if (pending != null) {
            pending.forEach(a ->
                    byBucket.computeIfAbsent(a.bucket(), k -> new TreeMap<>()).put(a.field(), a.value()));
        }
        return byBucket;
    }

    public String getPetitionId() {
        return petitionId;
    }

    public List<TimelineEntry> getEvents() {
        return events;
    }

    public PetitionState getState() {
        return state;
    }

    /** The state counted before this write's recount, or null if unknown (the timeline was read from the store). */
    PetitionState countedBefore() {
        return countedBefore;
    }

    /** The record the pending difference came from; null once the buckets took it (or it moved none). */
    Position pendingAt() {
        return amountsPending() ? pendingAt : null;
    }

    /** Whether some bucket may not have taken the pending difference yet. */
    boolean amountsPending() {
        return pending != null && !pending.isEmpty();
    }

    public int getNotificationsSent() {
        return notificationsSent;
    }

    public long getRevision() {
        return revision;
    }

    /** Whether the buckets, groups and open cases may not yet reflect {@link #getState()}. */
    public boolean hasPending() {
        return pending != null;
    }

    /** The stored version this was read at; null for one never saved. */
    Long version() {
        return version;
    }

    /** Saved by a bulk write (which does not set the version as the template's save does) at this version. */
    void savedAt(long version) {
        this.version = version;
    }

    void pendingDone() {
        pending = null;
        pendingAt = null;
    }
}
