package vn.gandan.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonDocumentCodec;

/**
 * The store's ceiling for documents like the system's: single-document inserts, then replacements by {@code _id}
 * (what Spring Data's {@code save} sends), of copies of real petition documents from intake's database, into a
 * scratch database of the same running store server, from 1 and from 4 threads; the scratch database is dropped
 * afterwards.
 */
public final class StoreCeiling implements AutoCloseable {

    /** Operations per second, by kind and threads. */
    public record Result(int documentBytes, double insert1, double insert4, double update1, double update4) {

        /** The best insert rate measured: the ceiling the pipeline's writes are compared with. */
        public double bestInsert() {
            return Math.max(insert1, insert4);
        }

        public double bestUpdate() {
            return Math.max(update1, update4);
        }

        /** Writes per second of a mix of {@code insertShare} inserts and the rest updates, at the best rates. */
        public double mixed(double insertShare) {
            double s = Math.min(1, Math.max(0, insertShare));
            return 1 / (s / bestInsert() + (1 - s) / bestUpdate());
        }
    }

    static final String SCRATCH = "gandan_bench_scratch";

    private final MongoClient client;

    public StoreCeiling(String uri) {
        // As the services store them (spring.mongodb.representation.uuid: standard): petitions hold UUIDs.
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    /**
     * A real petition document from intake, the one nearest the average size of up to 200, read as raw BSON (its
     * UUIDs stay binary: nothing is decoded and encoded again); a stand-in of {@code fallbackBytes} if none.
     */
    BsonDocument sample(int fallbackBytes) {
        List<BsonDocument> docs = new ArrayList<>();
        for (BsonDocument d : client.getDatabase("gandan_intake")
                .getCollection("petitions", BsonDocument.class)
                .find()
                .limit(200)) {
            docs.add(d);
        }
        if (docs.isEmpty()) {
            return new BsonDocument("payload", new BsonString("x".repeat(Math.max(1, fallbackBytes - 30))));
        }
        double average = docs.stream().mapToLong(StoreCeiling::size).average().orElse(0);
        return docs.stream()
                .min((a, b) -> Double.compare(Math.abs(size(a) - average), Math.abs(size(b) - average)))
                .orElseThrow();
    }

    private static long size(BsonDocument d) {
        return new RawBsonDocument(d, new BsonDocumentCodec()).getByteBuffer().remaining();
    }

    public Result measure(Duration each) throws InterruptedException {
        BsonDocument sample = sample(1200).clone();
        sample.remove("_id");
        int bytes = (int) size(sample);
        MongoCollection<BsonDocument> c = client.getDatabase(SCRATCH).getCollection("documents", BsonDocument.class);
        c.drop();
        try {
            AtomicLong ids = new AtomicLong();
            double insert1 = run(1, each, (random) -> c.insertOne(copy(sample, ids.incrementAndGet())));
            double insert4 = run(4, each, (random) -> c.insertOne(copy(sample, ids.incrementAndGet())));
            long inserted = ids.get();
            double update1 = run(1, each, (random) -> {
                long id = 1 + random.nextLong(inserted);
                c.replaceOne(
                        Filters.eq("_id", id), copy(sample, id).append("revision", new BsonInt32(random.nextInt())));
            });
            double update4 = run(4, each, (random) -> {
                long id = 1 + random.nextLong(inserted);
                c.replaceOne(
                        Filters.eq("_id", id), copy(sample, id).append("revision", new BsonInt32(random.nextInt())));
            });
            return new Result(bytes, insert1, insert4, update1, update4);
        } finally {
            client.getDatabase(SCRATCH).drop();
        }
    }

    private static BsonDocument copy(BsonDocument sample, long id) {
        BsonDocument d = new BsonDocument("_id", new BsonInt64(id));
        d.putAll(sample);
        return d;
    }

    /** The ceiling alone, against any store: {@code StoreCeiling <mongodb-uri> [seconds]}. */
    public static void main(String[] args) throws InterruptedException {
        try (StoreCeiling ceiling = new StoreCeiling(args[0])) {
            Result r = ceiling.measure(Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5));
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%d B: insert %.0f/s (1 thread), %.0f/s (4); replace by _id %.0f/s (1), %.0f/s (4)%n",
                    r.documentBytes(),
                    r.insert1(),
                    r.insert4(),
                    r.update1(),
                    r.update4());
        }
    }

    private interface Op {
        void run(SplittableRandom random);
    }

    private static double run(int threads, Duration each, Op op) throws InterruptedException {
        LongAdder done = new LongAdder();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        long start = System.nanoTime();
        long end = start + each.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(t);
            Thread w = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        op.run(random);
                        done.increment();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("store ceiling: " + failure.get().getMessage(), failure.get());
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        client.close();
    }
}
