package vn.gandan.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.Topics;
import vn.gandan.reporting.resolution.Buckets;
import vn.gandan.reporting.resolution.OpenCases;
import vn.gandan.reporting.resolution.PetitionTimeline;
import vn.gandan.reporting.resolution.Position;
import vn.gandan.reporting.resolution.ReportGroups;
import vn.gandan.reporting.resolution.ResolutionProjector;
import vn.gandan.reporting.version.ProjectionVersion;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.support.kafka.PetitionEventDeserializer;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * Rebuilds every projection into the version after the active one: replays the three topics from their beginning
 * to the end offsets seen at the start through the same projectors, switches the active version (one
 * single-document update), then replays on to the end offsets seen at the switch, which covers the events the
 * live listener applied to the old version just before it. The old version is kept until the next rebuild drops
 * it. One rebuild at a time in the deployment: a lease beside the active version (the progress is shown by the
 * instance that runs it).
 */
@Service
public class ProjectionRebuild {

    /** Every projection collection; each version has one of each. */
    static final List<String> COLLECTIONS = List.of(
            PetitionTimeline.COLLECTION,
            Buckets.COLLECTION,
            ReportGroups.COLLECTION,
            ReportGroups.AUTHORITIES,
            OpenCases.OpenCase.COLLECTION);

    static final List<String> TOPICS =
            List.of(Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES);

    /** Lost races with the live listener, which writes to the new version once it is active. */
    private static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ProjectionVersions versions;
    private final ResolutionProjector resolution;
    private final MongoTemplate mongo;
    private final KafkaProperties kafka;
    private final PetitionEventDeserializer deserializer;
    private final RebuildProperties properties;
    private final Clock clock;

    private RebuildRun run; // the last one on this instance; guarded by this
    private final String owner = "reporting-" + UUID.randomUUID();

    ProjectionRebuild(
            ProjectionVersions versions,
            ResolutionProjector resolution,
            MongoTemplate mongo,
            KafkaProperties kafka,
            PetitionEventCodec codec,
            RebuildProperties properties,
            Clock clock) {
        this.clock = clock;
        this.versions = versions;
        this.resolution = resolution;
        this.mongo = mongo;
        this.kafka = kafka;
        this.deserializer = new PetitionEventDeserializer(codec);
        this.properties = properties;
    }

    /** @throws InvalidRequestException 409 if a rebuild is running */
    public synchronized RebuildStatus start() {
        if (run != null && run.running()) {
            throw running(run.target().number());
        }
        ProjectionVersion from = versions.active();
        if (!versions.claimRebuild(owner, from.next(), clock.instant(), lease())) {
            throw running(
                    versions.rebuildingInto(clock.instant()).orElse(from.next().number()));
        }
        RebuildRun started = new RebuildRun(from, from.next(), clock.instant(), properties.skippedReasonsKept());
        run = started;
        Thread thread = new Thread(() -> execute(started), "projection-rebuild");
        thread.setDaemon(true);
        thread.start();
        return started.status(from);
    }

    /**
     * Makes a version kept beside the active one active again (e.g. the one before a rebuild whose figures are
     * doubted); live events go on into whichever version is active.
     *
     * @throws InvalidRequestException 409 while a rebuild runs, 400 if the version is not kept
     */
    public synchronized ProjectionVersion activate(int number) {
        Instant now = clock.instant();
        var rebuilding = versions.rebuildingInto(now);
        if (rebuilding.isPresent()) {
            throw running(rebuilding.get());
        }
        ProjectionVersion active = versions.active();
        if (number < 1 || !mongo.collectionExists(new ProjectionVersion(number).collection(Buckets.COLLECTION))) {
            throw InvalidRequestException.field("version", "gandan.reporting.version.unknown", String.valueOf(number));
        }
        ProjectionVersion wanted = new ProjectionVersion(number);
        if (!wanted.equals(active) && !versions.switchTo(active, wanted)) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT, Reason.of("gandan.reporting.version.moved", active.number()));
        }
        log.info("Projection version {} made active (was {})", number, active.number());
        return wanted;
    }

    private static InvalidRequestException running(int target) {
        return InvalidRequestException.of(HttpStatus.CONFLICT, Reason.of("gandan.reporting.rebuild.running", target));
    }

    /** The lease outlives the rebuild's own time limit, so it cannot run out while the rebuild still runs. */
    private Duration lease() {
        return properties.timeout().plusMinutes(1);
    }

    public synchronized RebuildStatus status() {
        ProjectionVersion active = versions.active();
        if (run == null) {
            return new RebuildStatus(
                    "idle", null, active.number(), null, null, 0, 0, List.of(), Map.of(), null, null, null);
        }
        return run.status(active);
    }

    private void execute(RebuildRun run) {
        var deadline = run.startedAt().plus(properties.timeout());
        try (Replay replay = new Replay(consumerProperties(), properties.pollTimeout(), clock)) {
            drop(run.target()); // what a failed attempt left
            if (run.from().number() > 1) {
                drop(new ProjectionVersion(run.from().number() - 1)); // the version kept by the last rebuild
            }
            var ends = replay.fromBeginning(TOPICS);
            run.endOffsets(ends);
            replay.readUntil(ends, deadline, r -> apply(run, r), run::positions);
            if (!versions.switchTo(run.from(), run.target())) {
                throw new IllegalStateException("the active version changed during the rebuild");
            }
            run.switched(clock.instant());
            var caughtUp = replay.endOffsets();
            run.endOffsets(caughtUp);
            replay.readUntil(caughtUp, deadline, r -> apply(run, r), run::positions);
            release();
            run.done(clock.instant());
            log.info(
                    "Projections rebuilt into version {}, now active",
                    run.target().number());
        } catch (RuntimeException e) {
            log.error("Rebuild into version {} failed", run.target().number(), e);
            release();
            run.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    /** Before the run shows it ended, so that whoever saw it end may start or switch at once. */
    private void release() {
        try {
            versions.releaseRebuild(owner);
        } catch (RuntimeException e) {
            log.warn("Could not release the rebuild lease; it runs out by itself: {}", e.getMessage());
        }
    }

    private void apply(RebuildRun run, ConsumerRecord<byte[], byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        PetitionEvent event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            run.skipped(where, unreadable.getMessage());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                resolution.apply(event, run.target(), position(record));
                run.applied();
                return;
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            } catch (DataAccessException database) {
                throw database; // the database, not the record: stop rather than skip everything
            } catch (RuntimeException poison) {
                // the figures it left pending are taken before the next record of its partition is read
                resolution.settle(event.petitionId(), run.target());
                run.skipped(where, poison.getClass().getSimpleName() + ": " + poison.getMessage());
                return;
            }
        }
    }

    private static Position position(ConsumerRecord<?, ?> record) {
        return new Position(Position.REBUILD, record.topic(), record.partition(), record.offset());
    }

    private void drop(ProjectionVersion version) {
        resolution.forget(version); // or this instance would skip writes it made to the dropped collections
        for (String base : COLLECTIONS) {
            String name = version.collection(base);
            if (mongo.collectionExists(name)) { // dropping a missing one is an error logged by some servers
                mongo.dropCollection(name);
            }
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // no group: nothing committed, the live group untouched
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.pollSize());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild");
        return props;
    }
}
