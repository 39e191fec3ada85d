package vn.gandan.notification.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.gandan.events.NotificationFailed;
import vn.gandan.events.NotificationSent;
import vn.gandan.events.PetitionId;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.support.observability.StoredTraces;
import vn.gandan.support.outbox.ChangedAggregates;

/**
 * Sends what is due, through the channel each delivery names, and records the outcome with its event
 * ({@code NotificationSent} or {@code NotificationFailed}) in the same write. Several instances share the queue
 * through leases; a delivery interrupted by a crash is sent again when its lease runs out, with the same
 * idempotency key, so the provider sees one message.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /**
     * How long a queue entry without its delivery is taken for one whose delivery is still being written; after
     * that, for one whose writer died between the two writes.
     */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(1);

    /** How long a message waits for its petition's facts (another topic) before it goes without them. */
    static final Duration FACTS_GRACE = Duration.ofMinutes(2);

    private final Deliveries deliveries;
    private final ChangedAggregates changed;
    private final DeliveryQueue queue;
    private final DigestBook digests;
    private final DeliveryGate gate;
    private final Templates templates;
    private final PetitionFactsStore facts;
    private final Map<String, DeliveryChannel> channels;
    private final NotificationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final StoredTraces traces;
    private final String owner = UUID.randomUUID().toString();
    private ExecutorService workers;
    private ScheduledExecutorService executor;

    DeliveryDispatcher(
            Deliveries deliveries,
            ChangedAggregates changed,
            DeliveryQueue queue,
            DigestBook digests,
            DeliveryGate gate,
            Templates templates,
            PetitionFactsStore facts,
            List<DeliveryChannel> channels,
            NotificationProperties properties,
            MeterRegistry meters,
            Clock clock,
            StoredTraces traces) {
        this.deliveries = deliveries;
        this.changed = changed;
        this.queue = queue;
        this.digests = digests;
        this.gate = gate;
        this.templates = templates;
        this.facts = facts;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::name, Function.identity()));
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.traces = traces;
        Gauge.builder("gandan.notification.pending", queue, DeliveryQueue::count)
                .description("Deliveries and digests waiting to go out")
                .register(meters);
    }

    /**
     * One round over what is due now.
     *
     * @return how many queue entries this instance handled
     */
    int runOnce() {
        ExecutorService pool = workers;
        if (pool == null) {
            return 0; // stopped
        }
        List<DeliveryQueue.Entry> claimed = queue.claim(
                queue.due(properties.dispatch().batchSize()),
                owner,
                properties.dispatch().lease());
        // Providers answer in tens of milliseconds: deliveries go out side by side, each provider's bulkhead
        // bounding how many of them it takes at once.
        List<Future<?>> sending = new ArrayList<>();
        Round round = new Round();
        for (DeliveryQueue.Entry entry : claimed) {
            sending.add(pool.submit(() -> handle(entry, round)));
        }
        for (Future<?> each : sending) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // handle() keeps its own failures; this is a bug worth seeing, not a lost delivery (it stays due).
                log.error("Delivery worker failed", e.getCause());
            }
        }
        round.finish();
        return claimed.size();
    }

    /**
     * What a round made final of its single deliveries (a digest's are saved at once): their outcomes saved in one
     * write at its end, not one each, then their entries removed in one more.
     */
    private final class Round {

        /** Final already: nothing of theirs is left to save. */
        private final Queue<DeliveryQueue.Entry> done = new ConcurrentLinkedQueue<>();

        private final Queue<Made> made = new ConcurrentLinkedQueue<>();

        void done(DeliveryQueue.Entry entry) {
            done.add(entry);
        }

        void made(DeliveryQueue.Entry entry, Delivery delivery, int attempts) {
            made.add(new Made(entry, delivery, attempts));
        }

        /**
         * Should the outcomes' write fail, their deliveries are still pending when their leases run out, and go
         * again with the same idempotency key, as after a crash. One an operator changed meanwhile (say, retried)
         * is looked at again at once, as a lost race of a single save is.
         */
        void finish() {
            List<Made> all = List.copyOf(made);
            if (!all.isEmpty()) {
                try {
                    Set<Delivery> saved = Collections.newSetFromMap(new IdentityHashMap<>());
                    saved.addAll(changed.replace(
                            Delivery.class, all.stream().map(Made::delivery).toList()));
                    for (Made each : all) {
                        if (saved.contains(each.delivery())) {
                            recorded(each.delivery(), each.attempts());
                            done.add(each.entry());
                        } else {
                            queue.later(each.entry(), owner, clock.instant());
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn(
                            "{} delivery outcomes could not be saved; sent again when their leases run out: {}",
                            all.size(),
                            e.toString());
                }
            }
            removeDone();
        }

        /** Should it fail, their entries stay leased, come due again when the lease runs out and find nothing to do. */
        private void removeDone() {
            if (done.isEmpty()) {
                return;
            }
            try {
                queue.doneAll(List.copyOf(done), owner);
            } catch (RuntimeException e) {
                log.warn("{} final deliveries stay queued until their lease runs out: {}", done.size(), e.toString());
            }
        }
    }

    private void handle(DeliveryQueue.Entry entry, Round round) {
        try {
            if (entry.isDigest()) {
                sendDigest(entry);
            } else {
                sendOne(entry, round);
            }
        } catch (OptimisticLockingFailureException raced) {
            queue.later(entry, owner, clock.instant());
        } catch (RuntimeException e) {
            // The store went away mid-way, say: the entry stays due and is tried again; the others go on.
            log.warn("Delivery {} could not be handled; will retry", entry.id(), e);
            queue.later(entry, owner, clock.instant().plusSeconds(5));
        }
    }

    private void sendOne(DeliveryQueue.Entry entry, Round round) {
        Delivery delivery = deliveries.findById(entry.id()).orElse(null);
        Instant now = clock.instant();
        if (delivery == null && entry.at().isAfter(now.minus(ORPHAN_GRACE))) {
            // Queued an instant ago: its delivery is being written right now (the entry goes first).
            queue.later(entry, owner, entry.at());
            return;
        }
        if (delivery == null || !Delivery.PENDING.equals(delivery.getStatus())) {
            round.done(entry);
            return;
        }
        // In the trace of the event that asked for it, so that its NotificationSent continues that trace too.
        resumed(delivery).observe(() -> deliver(entry, delivery, now, round));
    }

    private Observation resumed(Delivery delivery) {
        return traces.resume("gandan.notification.dispatch", delivery.traceparent())
                .contextualName("deliver " + delivery.getChannel())
                .lowCardinalityKeyValue("channel", delivery.getChannel())
                .highCardinalityKeyValue("gandan.petition.id", delivery.getPetitionId());
    }

    private void deliver(DeliveryQueue.Entry entry, Delivery delivery, Instant now, Round round) {
        Optional<Instant> wait = hold(delivery, now);
        if (wait.isPresent()) {
            queue.later(entry, owner, wait.get());
            return;
        }
        if (delivery.address() == null) {
            // Retried by an operator, but there is still nobody to send it to.
            failed(
                    delivery,
                    now,
                    0,
                    "no_contact: no " + delivery.getChannel() + " address for " + delivery.getRecipient());
            round.made(entry, delivery, 0);
            return;
        }
        OutgoingMessage message;
        try {
            message = worded(delivery, now);
        } catch (FactsPending pending) {
            queue.later(entry, owner, now.plusSeconds(2));
            return;
        } catch (Templates.TemplateException broken) {
            failed(delivery, now, 0, broken.getMessage());
            round.made(entry, delivery, 0);
            return;
        }
        Optional<Instant> full = held(delivery, gate.reserve(delivery, now));
        if (full.isPresent()) {
            queue.later(entry, owner, full.get());
            return;
        }
        Outcome outcome = sendReserved(delivery, message, now);
        Instant at = clock.instant();
        if (outcome.deferredUntil() != null) {
            delivery.deferred(outcome.reason(), outcome.deferredUntil());
            deliveries.save(delivery);
            queue.later(entry, owner, outcome.deferredUntil());
            return;
        }
        if (outcome.reason() == null) {
            sent(delivery, at, outcome.attempts(), null);
        } else {
            failed(delivery, at, outcome.attempts(), outcome.reason());
        }
        round.made(entry, delivery, outcome.attempts());
    }

    /**
     * The pending members of a digest go out as one message; one member alone goes as itself. A send begun and not
     * finished is made again of the same members ({@link DigestBook}).
     */
    private void sendDigest(DeliveryQueue.Entry entry) {
        String key = entry.digestKey();
        DigestBook.Digest digest = digests.find(key);
        List<Delivery> members = new ArrayList<>();
        deliveries.findAllById(digest.candidates()).forEach(d -> {
            if (Delivery.PENDING.equals(d.getStatus())) {
                members.add(d);
            }
        });
        members.sort(Comparator.comparing(Delivery::getCreatedAt));
        Instant now = clock.instant();
        if (members.isEmpty()) {
            finishDigest(entry, key, digest.candidates(), now);
            return;
        }
        // A digest continues the trace of its first member.
        resumed(members.get(0)).observe(() -> deliverDigest(entry, key, digest, members, now));
    }

    private void deliverDigest(
            DeliveryQueue.Entry entry, String key, DigestBook.Digest digest, List<Delivery> members, Instant now) {
        Delivery first = members.get(0);
        Optional<Instant> wait = hold(first, now);
        if (wait.isPresent()) {
            queue.later(entry, owner, wait.get());
            return;
        }
        List<OutgoingMessage> worded = new ArrayList<>();
        try {
            for (Delivery member : members) {
                worded.add(worded(member, now));
            }
        } catch (FactsPending pending) {
            queue.later(entry, owner, now.plusSeconds(2));
            return;
        } catch (Templates.TemplateException broken) {
            members.forEach(m -> {
                failed(m, now, 0, broken.getMessage());
                saved(m, 0);
            });
            finishDigest(entry, key, digest.candidates(), now);
            return;
        }
        List<String> composition =
                digest.composition(members.stream().map(Delivery::getId).toList());
        boolean alone = composition.size() == 1;
        OutgoingMessage message = alone ? worded.get(0) : digestOf(key, first, composition, worded);
        Optional<Instant> full = held(first, gate.reserve(first, now));
        if (full.isPresent()) {
            queue.later(entry, owner, full.get());
            return;
        }
        if (digest.sending().isEmpty()) {
            digests.sending(key, composition);
        }
        Outcome outcome = sendReserved(first, message, now);
        Instant at = clock.instant();
        if (outcome.deferredUntil() != null) {
            members.forEach(m -> {
                m.deferred(outcome.reason(), outcome.deferredUntil());
                deliveries.save(m);
            });
            queue.later(entry, owner, outcome.deferredUntil());
            return;
        }
        String digestId = alone ? null : message.deliveryId();
        for (Delivery member : members) {
            if (outcome.reason() == null) {
                sent(member, at, outcome.attempts(), digestId);
            } else {
                failed(member, at, outcome.attempts(), outcome.reason());
            }
            saved(member, outcome.attempts());
        }
        finishDigest(entry, key, digest.candidates(), at);
    }

    private void finishDigest(DeliveryQueue.Entry entry, String key, List<String> handled, Instant now) {
        Instant next = now.plus(properties.digestWindow());
        digests.sent(key, handled, next);
        if (digests.find(key).members().isEmpty()) {
            queue.done(entry, owner);
        } else {
            queue.later(entry, owner, next);
        }
    }

    /** Its id is that of its composition, so that a repeated send has the same idempotency key. */
    private OutgoingMessage digestOf(String key, Delivery first, List<String> composition, List<OutgoingMessage> each) {
        String items = each.stream().map(m -> "- " + m.text()).collect(Collectors.joining("\n"));
        Map<String, String> digestFacts = new LinkedHashMap<>(first.params());
        digestFacts.put("count", String.valueOf(each.size()));
        digestFacts.put("items", items);
        var rendered = templates.render("digest", first.language(), digestFacts);
        String id = NotificationPlanner.deliveryId(
                key, composition.stream().sorted().collect(Collectors.joining(",")), "digest");
        return new OutgoingMessage(
                id,
                first.getChannel(),
                first.address(),
                rendered.subject(),
                rendered.text(),
                first.language(),
                "digest",
                digestFacts,
                null);
    }

    /** Sends on the place {@code counted} took in its recipient's cap, and gives it back if nothing went out. */
    private Outcome sendReserved(Delivery counted, OutgoingMessage message, Instant reservedAt) {
        Outcome outcome;
        try {
            outcome = send(counted.getChannel(), message);
        } catch (RuntimeException e) {
            gate.release(counted, reservedAt);
            throw e;
        }
        if (outcome.reason() != null) {
            gate.release(counted, reservedAt); // deferred or failed
        }
        return outcome;
    }

    private Optional<Instant> hold(Delivery delivery, Instant now) {
        return held(delivery, gate.check(delivery, now));
    }

    /** Records why the delivery waits, if it must. */
    private Optional<Instant> held(Delivery delivery, DeliveryGate.Hold hold) {
        if (hold == null) {
            return Optional.empty();
        }
        delivery.deferred(hold.reason(), hold.until());
        deliveries.save(delivery);
        return Optional.of(hold.until());
    }

    /** The petition's facts are not here yet (they come on another topic). */
    private static final class FactsPending extends RuntimeException {
        FactsPending() {
            super(null, null, false, false);
        }
    }

    private OutgoingMessage worded(Delivery delivery, Instant now) {
        if (delivery.getEvent() != null) {
            return delivery.message(null, null, delivery.params());
        }
        Map<String, String> all = new LinkedHashMap<>(delivery.params());
        Optional<PetitionFacts> petition = facts.findById(delivery.getPetitionId());
        if (petition.isEmpty() && now.isBefore(delivery.getCreatedAt().plus(FACTS_GRACE))) {
            throw new FactsPending();
        }
        all.put("trackingCode", petition.map(PetitionFacts::trackingCode).orElse(delivery.getPetitionId()));
        all.put("title", petition.map(PetitionFacts::title).orElse(""));
        all.putIfAbsent("dueDate", "—");
        all.putIfAbsent("step", "—");
        var rendered = templates.render(delivery.templateId(), delivery.language(), all);
        return delivery.message(rendered.subject(), rendered.text(), all);
    }

    private record Outcome(int attempts, String reason, Instant deferredUntil) {}

    /** A delivery made final after {@code attempts} attempts (none if it failed before any), not saved yet. */
    private record Made(DeliveryQueue.Entry entry, Delivery delivery, int attempts) {}

    private Outcome send(String channelName, OutgoingMessage message) {
        DeliveryChannel channel = channels.get(channelName);
        if (channel == null) {
            return new Outcome(0, "channel_not_configured: " + channelName, null);
        }
        try {
            return new Outcome(channel.send(message), null, null);
        } catch (DeliveryFailure failure) {
            if (failure.isDeferred()) {
                count(channelName, "deferred");
                return new Outcome(0, failure.reason(), clock.instant().plus(failure.retryAfter()));
            }
            return new Outcome(Math.max(1, failure.attempts()), failure.reason(), null);
        }
    }

    /** Marks it sent, with its event; {@link #recorded} once saved. */
    private void sent(Delivery delivery, Instant at, int attempts, String digestId) {
        delivery.sent(
                at,
                attempts,
                digestId,
                new NotificationSent(
                        UUID.randomUUID(),
                        PetitionId.of(delivery.getPetitionId()),
                        at,
                        UUID.fromString(delivery.getId()),
                        delivery.getPurpose(),
                        delivery.getChannel(),
                        delivery.getRecipient()));
    }

    /** Marks it failed, with its event; {@link #recorded} once saved. */
    private void failed(Delivery delivery, Instant at, int attempts, String reason) {
        delivery.failed(
                at,
                attempts,
                reason,
                new NotificationFailed(
                        UUID.randomUUID(),
                        PetitionId.of(delivery.getPetitionId()),
                        at,
                        UUID.fromString(delivery.getId()),
                        delivery.getPurpose(),
                        delivery.getChannel(),
                        delivery.getRecipient(),
                        reason));
    }

    private void saved(Delivery delivery, int attempts) {
        deliveries.save(delivery);
        recorded(delivery, attempts);
    }

    /** The meters of an outcome saved: a delivery sent or failed after {@code attempts} attempts. */
    private void recorded(Delivery delivery, int attempts) {
        if (!Delivery.SENT.equals(delivery.getStatus())) {
            count(delivery.getChannel(), "failed");
            return;
        }
        count(delivery.getChannel(), "sent");
        if (attempts > 1) {
            meters.counter("gandan.notification.retried", "channel", delivery.getChannel())
                    .increment(attempts - 1);
        }
        Timer.builder("gandan.notification.delivery.latency")
                .description("From the triggering event's record to the message out")
                .tag("channel", delivery.getChannel())
                .register(meters)
                .record(Duration.between(delivery.getCreatedAt(), delivery.getSentAt()));
    }

    private void count(String channel, String outcome) {
        meters.counter("gandan.notification.deliveries", "channel", channel, "outcome", outcome)
                .increment();
    }

    /** New deliveries were recorded: look now rather than at the next tick. */
    void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::round);
        }
    }

    private void round() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The store is down, say: nothing is lost, the queue waits; letting it through would end the schedule.
            log.warn("Delivery round failed; next in {}", properties.dispatch().pollInterval(), e);
        }
    }

    @Override
    public void start() {
        // Made here, not in the constructor, so that a stopped dispatcher can be started again.
        workers = Executors.newFixedThreadPool(properties.dispatch().workers(), r -> {
            Thread t = new Thread(r, "delivery-worker");
            t.setDaemon(true);
            return t;
        });
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "delivery-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long period = properties.dispatch().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        if (workers != null) {
            workers.shutdown();
            workers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
