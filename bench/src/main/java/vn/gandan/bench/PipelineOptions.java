package vn.gandan.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole-system options of the driver (given {@code --kafka}): where the other services, the broker and the store
 * are, what to sample, the ceilings and the bulk import.
 */
public record PipelineOptions(
        String kafka,
        String mongo,
        Map<String, URI> services,
        String analyst,
        int sampleEvery,
        String backend,
        Duration settle,
        Duration storeCeiling,
        long kafkaRecords,
        Path libs,
        long backfill,
        int backfillBatch,
        int backfillWorkers,
        Duration backfillTime,
        Duration backfillDrain,
        Duration backfillWithin,
        URI mailApi) {

    public static final String USAGE = """
            Whole system (bench/run.sh passes these): with --kafka, the driver also follows each petition
            downstream, counts the services' store commands and Kafka records, measures the raw ceilings of the
            store and the broker, runs the bulk import and writes a pipeline report section.
              --kafka HOST:PORT        the system's broker
              --mongo URI              the system's store (default mongodb://127.0.0.1:27017)
              --services LIST          name=URL,... scraped at /actuator/prometheus (default the four on
                                       127.0.0.1:8081..8084); reporting-service's is also asked for timelines
              --analyst USER:PASS      reporting's analyst of the province (default analyst:analyst)
              --sample-every N         follow every N-th petition to reporting's timeline (default 20)
              --backend NAME           the store's backend, for the report (default h2)
              --settle DURATION        after a phase, wait at most this long for its petitions, and before one
                                       for every consumer group to catch up (default 120s)
              --store-ceiling DURATION per store measurement (default 5s; 0 skips)
              --kafka-records N        ProducerPerformance records (default 300000; 0 skips)
              --libs DIR               the driver's libraries, for ProducerPerformance (default bench/target/lib)
              --backfill N             bulk import of N historical petitions (default 0: none)
              --backfill-batch N       per call, at most 500 (default 500)
              --backfill-workers N     concurrent callers (default 2)
              --backfill-time DURATION stop sending after this long (default 15m)
              --backfill-drain DURATION then wait at most this long for routing and reporting (default 10m)
              --backfill-within DURATION receivedAt within this span before now (default 8760h: a year)
              --mail-api URL           the local mail server's API (GreenMail), emptied every 15 s: it keeps every
                                       mail in its heap (default none)
            """;

    /** The names of the services, as the report shows them. */
    public static final Map<String, URI> LOCAL_SERVICES = Map.of(
            "intake-service", URI.create("http://127.0.0.1:8081"),
            "routing-service", URI.create("http://127.0.0.1:8082"),
            "notification-service", URI.create("http://127.0.0.1:8083"),
            "reporting-service", URI.create("http://127.0.0.1:8084"));

    public URI reporting() {
        return services.getOrDefault("reporting-service", LOCAL_SERVICES.get("reporting-service"));
    }
}
