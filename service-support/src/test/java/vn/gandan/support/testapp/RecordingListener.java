package vn.gandan.support.testapp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.Topics;
import vn.gandan.support.observability.StoredTrace;

/** Consumes the intake topic as a downstream service would, remembers what it got, and fails on request. */
@Component
public class RecordingListener {

    private final List<PetitionEvent> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Set<String> refusedPetitions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> outages = new ConcurrentHashMap<>();
    private final Map<String, String> traces = new ConcurrentHashMap<>();

    @KafkaListener(topics = Topics.INTAKE_PETITIONS, groupId = "support-test")
    void on(PetitionEvent event) {
        deliveries
                .computeIfAbsent(event.eventId().toString(), id -> new AtomicInteger())
                .incrementAndGet();
        String current = StoredTrace.current();
        if (current != null) {
            traces.put(event.eventId().toString(), current);
        }
        String petitionId = event.petitionId().toString();
        AtomicInteger outage = outages.get(petitionId);
        if (outage != null && outage.getAndDecrement() > 0) {
            throw new DataAccessResourceFailureException("test store unreachable for petition " + petitionId);
        }
        if (refusedPetitions.contains(petitionId)) {
            throw new IllegalStateException("test listener refuses petition " + petitionId);
        }
        received.add(event);
    }

    /** Events handled successfully, in the order they were handled. */
    public List<PetitionEvent> received() {
        return List.copyOf(received);
    }

    /** How often the listener was called with this event, failed calls included. */
    public int deliveries(String eventId) {
        AtomicInteger count = deliveries.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** The trace context the listener handled this event in, as an outbox entry it wrote would store it. */
    public Optional<String> traceOf(String eventId) {
        return Optional.ofNullable(traces.get(eventId));
    }

    public void refuse(String petitionId) {
        refusedPetitions.add(petitionId);
    }

    /** The next {@code deliveries} of this petition's events fail as if the store were unreachable. */
    public void storeDownFor(String petitionId, int deliveries) {
        outages.put(petitionId, new AtomicInteger(deliveries));
    }

    public void accept(String petitionId) {
        refusedPetitions.remove(petitionId);
    }
}
