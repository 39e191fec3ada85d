package vn.gandan.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import vn.gandan.testsupport.FreePorts;

/**
 * A real Kafka broker (KRaft, one node) as its own JVM from the Kafka jars the build copied to {@code target/lib},
 * configured as the local run's ({@code deploy/local/kafka-server.properties}) on ports of its own: it can be
 * killed and started again on the same ports and data, as a broker that crashed and came back.
 */
final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path log;
    private Process process;

    private KafkaProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("kafka.log");
    }

    /** Formats a fresh data directory under {@code dir} and starts the broker; {@link #awaitReady} then. */
    static KafkaProcess start(Path dir) throws IOException, InterruptedException {
        KafkaProcess kafka = new KafkaProcess(dir, FreePorts.pick());
        kafka.configure(FreePorts.pick());
        kafka.start();
        return kafka;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void configure(int controllerPort) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        String template = Files.readString(Path.of("local", "kafka-server.properties"));
        String properties = template.replace("127.0.0.1:9092", "127.0.0.1:" + port)
                        .replace("127.0.0.1:9093", "127.0.0.1:" + controllerPort)
                + "\nlog.dirs=" + dir.resolve("data").toAbsolutePath() + "\n";
        Files.writeString(dir.resolve("server.properties"), properties);
        Process format = new ProcessBuilder(java(
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        dir.resolve("server.properties").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed: see " + log.toAbsolutePath());
        }
    }

    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kafka is running");
        }
        List<String> command =
                java("kafka.Kafka", dir.resolve("server.properties").toString());
        command.addAll(1, List.of("-Xmx512m", "-XX:+UseSerialGC"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Kills the broker at once (SIGKILL): what it acknowledged is in its log files, as after a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits until the broker answers a client. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("Kafka exited: see " + log.toAbsolutePath());
            }
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Kafka not ready within " + timeout + ": see " + log.toAbsolutePath());
                }
            }
        }
    }

    private static List<String> java(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + Path.of("local", "log4j2.xml").toAbsolutePath(),
                "-cp",
                Path.of("target", "lib").toAbsolutePath() + "/*",
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
