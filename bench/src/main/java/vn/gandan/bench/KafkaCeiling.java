package vn.gandan.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker's ceiling for records of the petition events' size: Kafka's own producer perf tool
 * ({@code org.apache.kafka.tools.ProducerPerformance}, kafka-tools) in its own JVM against the system's broker,
 * {@code acks=all} as the services produce, into a scratch topic with the services' partition count, deleted
 * afterwards.
 */
public final class KafkaCeiling {

    /** ProducerPerformance's last line: totals and latency percentiles. */
    public record Result(
            long records,
            double recordsPerSecond,
            double mbPerSecond,
            double avgMs,
            double maxMs,
            double p50Ms,
            double p99Ms,
            int recordSize) {}

    static final String TOPIC = "gandan.bench.ceiling";
    static final int PARTITIONS = 6;

    private static final Pattern LAST = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max"
                    + " latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private KafkaCeiling() {}

    /**
     * @param libDir the driver's libraries (kafka-tools and kafka-clients among them)
     */
    public static Result measure(Admin admin, String bootstrap, Path libDir, long records, int recordSize)
            throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    libDir.toAbsolutePath() + "/*",
                    "org.apache.kafka.tools.ProducerPerformance",
                    "--topic",
                    TOPIC,
                    "--num-records",
                    Long.toString(records),
                    "--record-size",
                    Integer.toString(recordSize),
                    "--throughput",
                    "-1",
                    "--producer-props",
                    "bootstrap.servers=" + bootstrap,
                    "acks=all",
                    "enable.idempotence=true"));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String last = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("records sent")) {
                        last = line;
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || last == null) {
                throw new IllegalStateException("ProducerPerformance failed (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + "): " + last);
            }
            return parse(last, recordSize)
                    .orElseThrow(() -> new IllegalStateException("unexpected ProducerPerformance output"));
        } finally {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Parses ProducerPerformance's summary line. */
    static Optional<Result> parse(String line, int recordSize) {
        Matcher m = LAST.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Result(
                Long.parseLong(m.group(1)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)),
                Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(8)),
                recordSize));
    }

    static String describe(Result r) {
        return String.format(
                Locale.ROOT,
                "%,d records of %d B: %,.0f records/s (%.1f MB/s), latency avg %.0f ms, p50 %.0f ms, p99 %.0f ms,"
                        + " max %.0f ms",
                r.records(),
                r.recordSize(),
                r.recordsPerSecond(),
                r.mbPerSecond(),
                r.avgMs(),
                r.p50Ms(),
                r.p99Ms(),
                r.maxMs());
    }
}
