package vn.gandan.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.gandan.testsupport.Http;

/**
 * One gandan service running as its own JVM from the jar the build produced, as in production: nothing shared
 * with the test but the broker and the store.
 */
final class ServiceProcess {

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private Process process;

    private ServiceProcess(String name, int port, Path log, List<String> command) throws IOException {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        launch();
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** @param extra more of the service's settings, e.g. {@code --spring.mail.port=3025} */
    static ServiceProcess start(String name, String kafka, String mongoUri, String... extra) throws IOException {
        Path jar = Path.of("target", "services", name + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the build's package phase first");
        }
        int port = freePort();
        Path log = Path.of("target", "e2e-logs", name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + mongoUri));
        command.addAll(List.of(extra));
        return new ServiceProcess(name, port, log, List.copyOf(command));
    }

    Http http() {
        return Http.at(port);
    }

    /** Waits until the service says it is ready, or fails with the end of its log. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http().get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // keep waiting
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail());
    }

    /** Kills the JVM at once (SIGKILL), as a crash or an OOM kill would: no shutdown hook, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the service again on the same port with the same settings, its log going on in the same file. */
    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    void stop() {
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

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String name() {
        return name;
    }

    /** Everything the service has logged so far. */
    List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    /** Its {@code /actuator/prometheus} page. */
    String metrics() {
        Http.Response response = http().get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new AssertionError(name + " /actuator/prometheus answered " + response.status());
        }
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
