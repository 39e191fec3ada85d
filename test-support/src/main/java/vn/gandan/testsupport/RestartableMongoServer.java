package vn.gandan.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import vn.gandan.localstore.IndexedMemoryBackend;

/**
 * A mongo-java-server that a test owns, for fault tests: {@link #stop()} drops it at once (the listening socket
 * and every client connection, like a crashed or unreachable server) and {@link #restart()} brings it back on
 * the same port with the same data, as a real server restarts with its disk. In memory; not thread-safe across
 * tests, one per test class.
 */
public final class RestartableMongoServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    /** The data; a stopped server's backend is kept rather than cleared, so a restart finds it again. */
    private final MemoryBackend backend = new IndexedMemoryBackend() {
        @Override
        public void close() {
            // kept for the restart
        }
    };

    private final int port;
    private MongoServer server;

    private RestartableMongoServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    public static RestartableMongoServer start() {
        RestartableMongoServer store = new RestartableMongoServer(FreePorts.pick());
        store.restart();
        return store;
    }

    /** The connection string; it names no database. */
    public String uri() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Closes the listening socket and every client connection at once. Does nothing if already stopped. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the same port, with the data it had. Does nothing if running. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            MongoServer attempt = new MongoServer(backend);
            try {
                attempt.bind(HOST, port);
                server = attempt;
                return;
            } catch (RuntimeException portNotYetFree) {
                attempt.shutdownNow();
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not listen on " + uri() + " again", portNotYetFree);
                }
                sleep();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
