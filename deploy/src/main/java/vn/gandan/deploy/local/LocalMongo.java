package vn.gandan.deploy.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import vn.gandan.localstore.IndexedH2Backend;
import vn.gandan.localstore.IndexedMemoryBackend;

/**
 * The local MongoDB-protocol store: mongo-java-server persisting to one H2 MVStore file, so data
 * outlives a restart. Started by {@code deploy/run-local.sh} as its own process; never used in
 * production, which runs real MongoDB.
 *
 * <p>Usage: {@code LocalMongo <h2-file>|memory [port]}; it listens on 127.0.0.1 only (default port 27017).
 * {@code memory} keeps everything in the heap and loses it at exit: the benchmark uses it to tell the store's
 * cost from H2's ({@code GANDAN_STORE_BACKEND=memory} in run-local.sh).
 * SIGTERM or SIGINT closes the server and then the H2 store, which flushes it.
 *
 * <p>No oplog: no service reads a change stream, and mongo-java-server's oplog keeps a copy of every write for
 * good (in the heap, or in the H2 file). In the pipeline benchmark it held most of the memory store's heap and cost
 * a share of its CPU on every write.
 *
 * <p>Known limits of the server (see the shared infrastructure notes): no multi-document
 * transactions, no {@code hello} command, only {@code _id} and unique indexes are used (local-store's backends
 * make a query on an {@code _id} and more use the {@code _id} too).
 */
public final class LocalMongo {

    private static final String HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 27017;
    private static final String MEMORY = "memory";
    /** The exit code when the H2 store failed: EX_IOERR of sysexits.h. */
    private static final int STORE_FAILED = 74;

    private LocalMongo() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println("usage: LocalMongo <h2-file>|memory [port]");
            System.exit(2);
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_PORT;
        if (args[0].equals(MEMORY)) {
            serve(new IndexedMemoryBackend(), port, "in memory");
            return;
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the directory of " + file, e);
        }

        serve(new IndexedH2Backend(openH2(file.toString(), LocalMongo::storeFailed)), port, "H2 file " + file);
    }

    /**
     * The H2 file, opened so that a failure of its writes (a full disk, the heap exhausted) reaches
     * {@code onFailure}. H2 may close the store then (it did when its heap ran out), and a server that went on would
     * answer every command with "This store is closed": the services cannot tell that from a bug (they answer 500),
     * where a store that is gone is an outage to them (503 with Retry-After, consumers retry) and a process for the
     * supervisor to restart on the last committed version.
     */
    static MVStore openH2(String fileName, Consumer<Throwable> onFailure) {
        return new MVStore.Builder()
                .fileName(fileName)
                .backgroundExceptionHandler((thread, failure) -> onFailure.accept(failure))
                .open();
    }

    private static void storeFailed(Throwable failure) {
        System.err.println("LocalMongo: the H2 store failed to write its file; exiting. The file keeps what was"
                + " committed before the failure.");
        failure.printStackTrace();
        // Not on H2's thread, which holds the store's locks; exit runs the shutdown hook that closes the server.
        new Thread(() -> System.exit(STORE_FAILED), "local-mongo-exit").start();
    }

    private static void serve(MongoBackend backend, int port, String where) throws InterruptedException {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, backend, stopped), "local-mongo-stop"));

        System.out.printf("LocalMongo listening on mongodb://%s:%d (%s)%n", HOST, port, where);
        System.out.flush();
        stopped.await();
    }

    private static void stop(MongoServer server, MongoBackend backend, CountDownLatch stopped) {
        try {
            // Closes the connections and then the backend.
            server.shutdown();
        } finally {
            // shutdown() closes the backend already; this makes sure the H2 file is flushed and closed
            // even if shutdown() failed half-way.
            if (backend instanceof H2Backend h2 && !h2.getMvStore().isClosed()) {
                try {
                    h2.close();
                } catch (RuntimeException failedStore) {
                    // A store whose writes fail cannot flush; its file keeps what was committed.
                    h2.getMvStore().closeImmediately();
                }
            }
            System.out.println("LocalMongo stopped" + (backend instanceof H2Backend ? ", H2 file closed" : ""));
            System.out.flush();
            stopped.countDown();
        }
    }
}
