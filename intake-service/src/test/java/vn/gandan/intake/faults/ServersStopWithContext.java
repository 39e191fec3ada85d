package vn.gandan.intake.faults;

import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * Stops a test's own servers when its Spring context closes, after everything else in it has stopped (the
 * lowest phase stops last): Kafka listeners and the outbox relay close while their servers still answer, instead
 * of waiting out their timeouts on a vanished broker. A JUnit {@code @AfterAll} would run before the context
 * closes.
 */
final class ServersStopWithContext implements SmartLifecycle {

    private final List<AutoCloseable> servers;
    private volatile boolean running;

    ServersStopWithContext(AutoCloseable... servers) {
        this.servers = List.of(servers);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop " + server, e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
