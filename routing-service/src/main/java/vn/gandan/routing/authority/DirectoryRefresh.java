package vn.gandan.routing.authority;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the revision counter every {@code refresh-interval} and reloads the directory when another instance changed
 * it. One daemon thread; a failed read is retried at the next tick, routing meanwhile uses what it holds.
 */
class DirectoryRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRefresh.class);

    private final StoredAuthorityDirectory directory;
    private final Duration interval;
    private ScheduledExecutorService timer;

    DirectoryRefresh(StoredAuthorityDirectory directory, Duration interval) {
        this.directory = directory;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "authority-directory-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            directory.refreshIfChanged();
        } catch (RuntimeException e) {
            // Nothing is lost: the counter is read again at the next tick.
            log.warn("Authority directory refresh failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
