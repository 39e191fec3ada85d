package vn.gandan.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Empties the local mail server (GreenMail's {@code POST /api/mail/purge}) every 15 s while the driver runs. GreenMail
 * keeps every mail in its heap: a run sends hundreds of thousands, and the mail server ran out of memory. The driver
 * never reads the mails; it takes "notified" from {@code NotificationSent} on Kafka.
 */
final class MailPurge implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(15);

    private final HttpClient client;
    private final URI purge;
    private final PrintStream progress;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-mail-purge");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean complained = new AtomicBoolean();

    MailPurge(HttpClient client, URI mailApi, PrintStream progress) {
        this.client = client;
        this.purge = mailApi.resolve("/api/mail/purge");
        this.progress = progress;
    }

    MailPurge start() {
        timer.scheduleWithFixedDelay(this::purgeOnce, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** @return whether the mail server answered 2xx */
    boolean purgeOnce() {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(purge)
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                return true;
            }
            complainOnce("answered " + r.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            complainOnce(e.toString());
        }
        return false;
    }

    private void complainOnce(String what) {
        if (complained.compareAndSet(false, true)) {
            progress.println("bench: emptying the mail server at " + purge + " failed (" + what + "); going on");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
