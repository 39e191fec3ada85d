package vn.gandan.support.outbox;

import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import vn.gandan.events.EventType;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.support.observability.StoredTrace;
import vn.gandan.support.observability.StoredTraces;

/**
 * Publishes pending outbox events to Kafka, at least once and in order per aggregate, then removes them from
 * their aggregate. Runs on one thread per service instance and relays what this instance saved: a save names its
 * aggregate to the relay in memory ({@link PendingAggregates}), at no store write. A round takes up to {@code
 * batchSize} of them, reads them by {@code _id}, publishes all their events, waits once for Kafka, then pulls them
 * in one bulk write per collection: under load a round carries many aggregates, so the writes per event fall
 * towards none beyond the save (after a wake-up the relay lingers a moment, {@code linger}, to let a round fill).
 *
 * <p>Why nothing is lost: the events are in the aggregate's document from the save on, and leave it only once
 * Kafka has acknowledged them. What a crash forgets (saved, not yet relayed) the sweep finds in the store: at
 * start-up, so a restarted instance relays what it left, and every {@code sweepInterval}, so another instance
 * relays what an instance that never came back left. A save during a round names its aggregate again for the
 * next; a failed round puts back what it took. Two instances may relay one aggregate (a sweep, or saves of it on
 * both): its events are then published twice, in order each time, which consumers absorb (docs/adr/0003).
 *
 * <p>Before it publishes anything it makes sure the topics exist ({@code topicsReady}, the service's {@code
 * KafkaAdmin}): a service started while Kafka was down could not create them at start-up, and a producer would
 * then wait forever on a broker that does not create topics on first use, or have the broker create them with
 * its default partition count. Until that check succeeds the round puts back what it took.
 *
 * <p>Each send runs in an observation resumed from the trace context stored with its entry ({@link
 * OutboxEntry#traceparent()}): the template's observation, a child of it, writes that trace into the record's
 * {@code traceparent} header, so the consumers continue the trace of the request that recorded the event.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaOperations<Object, Object> kafka;
    private final PetitionEventCodec codec;
    private final PendingAggregates pending;
    private final OutboxProperties properties;
    private final List<String> collections;
    private final Map<String, String> versionFields;
    private final Clock clock;
    private final BooleanSupplier topicsReady;
    private final StoredTraces traces;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter published;
    private volatile boolean running;
    private Thread worker;
    private Instant nextSweep = Instant.MIN;
    private volatile boolean topicsChecked;

    /**
     * @param versionFields per collection, the field of the aggregate's optimistic-lock version, if it has one:
     *     the relay bumps it when it removes published events, so that a save of a copy read before that (which
     *     still holds them) fails and is retried from a fresh read instead of putting them back to be sent twice
     * @param topicsReady creates the service's topics if missing; true once they exist, false if Kafka cannot be
     *     asked (then the relay publishes nothing and asks again next round)
     */
    public OutboxRelay(
            MongoTemplate mongo,
            KafkaOperations<Object, Object> kafka,
            PetitionEventCodec codec,
            OutboxProperties properties,
            List<String> collections,
            Map<String, String> versionFields,
            MeterRegistry meters,
            Clock clock,
            BooleanSupplier topicsReady,
            StoredTraces traces) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.pending = new PendingAggregates(clock, properties.maxPending());
        this.properties = properties;
        this.collections = List.copyOf(collections);
        this.versionFields = Map.copyOf(versionFields);
        this.clock = clock;
        this.topicsReady = topicsReady;
        this.traces = traces;
        this.published = Counter.builder("gandan.outbox.published")
                .description("Events relayed from the outbox to Kafka")
                .register(meters);
        Gauge.builder("gandan.outbox.pending", pending, PendingAggregates::size)
                .description("Aggregates this instance saved with events not yet relayed")
                .register(meters);
        Gauge.builder("gandan.outbox.oldest.age", pending, p -> p.oldest()
                        .map(t -> Duration.between(t, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .description("Seconds the oldest pending event has waited")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Called after an aggregate with pending events was saved. */
    void pending(String collection, Object aggregateId) {
        pending.add(collection, aggregateId);
        wakeUp.release();
    }

    /** Relays one round; returns the number of aggregates it took (read, and their events published). */
    public int relayOnce() {
        // After an overflow, the sweep waits until the relay caught up: before, it would only overflow again.
        if (!clock.instant().isBefore(nextSweep) || (pending.waiting() == 0 && pending.overflowed())) {
            sweep();
        }
        var taken = pending.take(properties.batchSize());
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            checkTopics();
            relay(taken.keySet());
            pending.relayed(taken);
        } catch (RuntimeException e) {
            // Kafka (or the store) failed: keep them for the next round, and check the topics again first.
            pending.putBack(taken);
            topicsChecked = false;
            throw e;
        }
        return taken.size();
    }

    private void checkTopics() {
        if (topicsChecked) {
            return;
        }
        String unreachable = "Kafka cannot be reached to check or create the topics; events stay in the outbox";
        boolean ready;
        try {
            ready = topicsReady.getAsBoolean();
        } catch (RuntimeException e) {
            // KafkaAdmin#initialize() returns false only during start-up; afterwards it throws.
            throw new IllegalStateException(unreachable, e);
        }
        if (!ready) {
            throw new IllegalStateException(unreachable);
        }
        topicsChecked = true;
    }

    /**
     * Publishes the events of every aggregate taken, waits once for Kafka, then pulls them with one bulk write per
     * collection: a round's store writes do not grow with its aggregates.
     */
    private void relay(Collection<PendingAggregates.Pending> taken) {
        Map<String, List<Object>> ids = new LinkedHashMap<>();
        taken.forEach(
                p -> ids.computeIfAbsent(p.collection(), c -> new ArrayList<>()).add(p.aggregateId()));
        Map<String, List<Document>> aggregates = new LinkedHashMap<>();
        List<Document> entries = new ArrayList<>();
        ids.forEach((collection, in) -> {
            List<Document> pending = read(collection, in).stream()
                    .filter(a -> !outboxOf(a).isEmpty())
                    .toList();
            aggregates.put(collection, pending);
            pending.forEach(a -> entries.addAll(outboxOf(a)));
        });
        if (!entries.isEmpty()) {
            publish(entries);
            aggregates.forEach(this::pullPublished);
            published.increment(entries.size());
        }
    }

    /** By {@code _id} alone, which the embedded store serves from its index (with more conditions it scans). */
    private List<Document> read(String collection, List<Object> in) {
        return mongo.find(query(Criteria.where("_id").in(in)), Document.class, collection);
    }

    private void pullPublished(String collection, List<Document> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        String version = versionFields.get(collection);
        for (Document aggregate : aggregates) {
            List<String> eventIds = outboxOf(aggregate).stream()
                    .map(e -> e.getString("eventId"))
                    .toList();
            Update pull = new Update().pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", eventIds)));
            if (version != null) {
                pull.inc(version, 1);
            }
            pulls.updateOne(query(Criteria.where("_id").is(aggregate.get("_id"))), pull);
        }
        pulls.execute();
    }

    private void publish(List<Document> entries) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Document entry : entries) {
            EventType type = EventType.ofTypeName(entry.getString("type"))
                    .orElseThrow(() -> new IllegalStateException("unknown type in outbox: " + entry.get("type")));
            String petitionId = entry.getString("petitionId");
            String eventId = entry.getString("eventId");
            var cloudEvent = codec.toCloudEvent(
                    type,
                    eventId,
                    PetitionId.of(petitionId),
                    entry.getDate("occurredAt").toInstant(),
                    entry.getString("payload").getBytes(StandardCharsets.UTF_8));
            Observation relayed = traces.resume("gandan.outbox.relay", entry.getString(StoredTrace.TRACEPARENT))
                    .contextualName("outbox relay " + type.topic())
                    .lowCardinalityKeyValue("topic", type.topic())
                    .highCardinalityKeyValue("gandan.petition.id", petitionId)
                    .highCardinalityKeyValue("gandan.event.id", eventId)
                    .highCardinalityKeyValue("gandan.event.type", type.typeName())
                    .start();
            CompletableFuture<?> send;
            try (Observation.Scope scope = relayed.openScope()) {
                // Ids only: payloads hold citizens' personal data and never go to a log or a span.
                log.info("Relaying {} {} of petition {} to {}", type.typeName(), eventId, petitionId, type.topic());
                send = kafka.send(new ProducerRecord<>(type.topic(), petitionId, cloudEvent));
            } catch (RuntimeException e) {
                relayed.error(e);
                relayed.stop();
                throw e;
            }
            send.whenComplete((result, failure) -> {
                if (failure != null) {
                    relayed.error(failure);
                }
                relayed.stop();
            });
            sends.add(send);
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            // Left in their aggregates and put back by the caller: the next round sends them again.
            throw new IllegalStateException("Kafka did not acknowledge outbox events", e);
        }
    }

    /**
     * Finds the aggregates with events in their outbox and names them for relaying: those a crash left (this
     * instance's before it restarted, or another's), and those the relay turned away when full.
     */
    void sweep() {
        for (String collection : collections) {
            // One more than fits: if there are more, the relay overflows and sweeps again once it has caught up.
            Query withEvents =
                    query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(properties.maxPending() + 1);
            withEvents.fields().include("_id");
            var ids = mongo.find(withEvents, Document.class, collection);
            ids.forEach(d -> pending.add(collection, d.get("_id")));
            if (!ids.isEmpty()) {
                log.info("Outbox sweep found {} aggregates with unrelayed events in {}", ids.size(), collection);
            }
        }
        nextSweep = clock.instant().plus(properties.sweepInterval());
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outboxOf(Document aggregate) {
        if (aggregate == null || !(aggregate.get(OutboxEntry.FIELD) instanceof List<?> list)) {
            return List.of();
        }
        return (List<Document>) list;
    }

    private void loop() {
        while (running) {
            try {
                if (relayOnce() == 0) {
                    if (wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        Thread.sleep(properties.linger().toMillis());
                    }
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Nothing is dropped: pending events stay in their aggregates and are tried again.
                log.warn("Outbox relay round failed; retrying in {}", properties.pollInterval(), e);
                sleep(properties.pollInterval());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after Kafka's and Mongo's beans, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
