package vn.gandan.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The driver's command line; see {@link #USAGE}. */
public record Options(
        URI url,
        String apiKey,
        String province,
        List<Phase> phases,
        int connections,
        Duration timeout,
        Path out,
        String title,
        List<String> notes,
        Map<String, Long> watch,
        long seed,
        Duration prime,
        PipelineOptions pipeline,
        boolean help) {

    public static final String USAGE = """
            Usage: java -jar bench/target/gandan-bench.jar [options]

            Drives POST /api/v1/petitions of a running intake-service and reports accepted/s and latency
            percentiles (bench/README.md). bench/run.sh starts the system and runs this for you.

              --url URL            intake-service (default http://127.0.0.1:8081)
              --api-key KEY        the portal's key, header X-Api-Key (default demo-portal-key)
              --province CODE      the portal's province, for the communes (default 40, Nghệ An)
              --phase SPEC         MODE:LOAD:DURATION[:WARMUP], repeatable, run in order; MODE is
                                   fixed-rate (LOAD requests/s, open loop) or max-throughput (LOAD
                                   closed-loop workers). Default: fixed-rate:100:60s max-throughput:16:60s
              --warmup DURATION    warm-up of a phase that names none (default 15s); not counted
              --prime DURATION     before the first phase, load the system flat out (8 workers) for
                                   this long, not counted: JIT compilation of the freshly started
                                   services then happens before any measurement (default 0s)
              --connections N      fixed rate: most requests in flight (default 64)
              --timeout DURATION   per request (default 30s)
              --out FILE           also write the Markdown report there
              --title TEXT         the report's heading (default "POST /api/v1/petitions")
              --note TEXT          a line for the report's setup section; repeatable
              --watch NAME=PID     report this process's CPU in each window; repeatable
              --seed N             for the petition mix (default 1)
              --help
            Durations: 500ms, 60s, 2m, 8760h or seconds.

            """ + PipelineOptions.USAGE;

    /**
     * @throws IllegalArgumentException for an unknown option or a malformed value
     */
    public static Options parse(String... args) {
        URI url = URI.create("http://127.0.0.1:8081");
        String apiKey = "demo-portal-key";
        String province = "40";
        List<String> phaseSpecs = new ArrayList<>();
        Duration warmup = Duration.ofSeconds(15);
        int connections = 64;
        Duration timeout = Duration.ofSeconds(30);
        Path out = null;
        String title = "POST /api/v1/petitions";
        List<String> notes = new ArrayList<>();
        Map<String, Long> watch = new LinkedHashMap<>();
        long seed = 1;
        Duration prime = Duration.ZERO;
        boolean help = false;
        String kafka = null;
        String mongo = "mongodb://127.0.0.1:27017";
        Map<String, URI> services = new java.util.TreeMap<>(PipelineOptions.LOCAL_SERVICES);
        String analyst = "analyst:analyst";
        int sampleEvery = 20;
        String backend = "h2";
        Duration settle = Duration.ofSeconds(120);
        Duration storeCeiling = Duration.ofSeconds(5);
        long kafkaRecords = 300_000;
        Path libs = Path.of("bench/target/lib");
        long backfill = 0;
        int backfillBatch = 500;
        int backfillWorkers = 2;
        Duration backfillTime = Duration.ofMinutes(15);
        Duration backfillDrain = Duration.ofMinutes(10);
        Duration backfillWithin = Duration.ofDays(365);
        URI mailApi = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--url" -> url = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                case "--api-key" -> apiKey = value;
                case "--province" -> province = value;
                case "--phase" -> phaseSpecs.add(value);
                case "--warmup" -> warmup = Phase.parseDuration(value);
                case "--connections" -> connections = positive(arg, value);
                case "--timeout" -> timeout = Phase.parseDuration(value);
                case "--out" -> out = Path.of(value);
                case "--title" -> title = value;
                case "--note" -> notes.add(value);
                case "--watch" -> {
                    int eq = value.lastIndexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--watch wants NAME=PID: " + value);
                    }
                    try {
                        watch.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 1)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--watch wants NAME=PID: " + value);
                    }
                }
                case "--seed" -> seed = Long.parseLong(value);
                case "--prime" -> prime = Phase.parseDuration(value);
                case "--kafka" -> kafka = value;
                case "--mongo" -> mongo = value;
                case "--services" -> {
                    services.clear();
                    for (String item : value.split(",")) {
                        int eq = item.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--services wants name=URL,...: " + value);
                        }
                        services.put(item.substring(0, eq), URI.create(item.substring(eq + 1)));
                    }
                }
                case "--analyst" -> analyst = value;
                case "--sample-every" -> sampleEvery = Integer.parseInt(value);
                case "--backend" -> backend = value;
                case "--settle" -> settle = Phase.parseDuration(value);
                case "--store-ceiling" -> storeCeiling = Phase.parseDuration(value);
                case "--kafka-records" -> kafkaRecords = Long.parseLong(value);
                case "--libs" -> libs = Path.of(value);
                case "--backfill" -> backfill = Long.parseLong(value);
                case "--backfill-batch" -> backfillBatch = Math.min(500, positive(arg, value));
                case "--backfill-workers" -> backfillWorkers = positive(arg, value);
                case "--backfill-time" -> backfillTime = Phase.parseDuration(value);
                case "--backfill-drain" -> backfillDrain = Phase.parseDuration(value);
                case "--backfill-within" -> backfillWithin = Phase.parseDuration(value);
                case "--mail-api" -> mailApi = URI.create(value);
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (phaseSpecs.isEmpty()) {
            phaseSpecs = List.of("fixed-rate:100:60s", "max-throughput:16:60s");
        }
        List<Phase> phases = new ArrayList<>();
        for (String spec : phaseSpecs) {
            phases.add(Phase.parse(spec, warmup));
        }
        PipelineOptions pipeline = kafka == null
                ? null
                : new PipelineOptions(
                        kafka,
                        mongo,
                        services,
                        analyst,
                        sampleEvery,
                        backend,
                        settle,
                        storeCeiling,
                        kafkaRecords,
                        libs,
                        backfill,
                        backfillBatch,
                        backfillWorkers,
                        backfillTime,
                        backfillDrain,
                        backfillWithin,
                        mailApi);
        return new Options(
                url,
                apiKey,
                province,
                phases,
                connections,
                timeout,
                out,
                title,
                notes,
                watch,
                seed,
                prime,
                pipeline,
                help);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " wants a positive number: " + value);
    }
}
