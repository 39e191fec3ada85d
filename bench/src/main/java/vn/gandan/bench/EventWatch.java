package vn.gandan.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the system's topics from their ends as records arrive, without a consumer group (nothing committed, no
 * effect on the services' groups), and tells the {@link Tracker} when a petition was routed (the {@code ce_type}
 * header of {@code PetitionRouted} / {@code PetitionRoutingFailed}, keyed by petition id) and when its responder's
 * {@code new_case} notification was sent. It also measures the records' sizes, for the Kafka ceiling.
 */
public final class EventWatch implements AutoCloseable {

    public static final String INTAKE = "gandan.intake.petitions.v1";
    public static final String ROUTING = "gandan.routing.cases.v1";
    public static final String NOTIFICATION = "gandan.notification.deliveries.v1";

    static final String ROUTED = "vn.gandan.petition.routed.v1";
    static final String ROUTING_FAILED = "vn.gandan.petition.routing_failed.v1";
    static final String SUBMITTED = "vn.gandan.petition.submitted.v1";
    static final String SENT = "vn.gandan.notification.sent.v1";

    /** Count and bytes of the records of one CloudEvents type. */
    public record Size(long records, long valueBytes, long totalBytes) {
        public double averageValue() {
            return records == 0 ? 0 : (double) valueBytes / records;
        }

        public double averageTotal() {
            return records == 0 ? 0 : (double) totalBytes / records;
        }
    }

    private final Tracker tracker;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Map<String, LongAdder[]> sizes = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public EventWatch(String bootstrap, Tracker tracker) {
        this.tracker = tracker;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gandan-bench-watch");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // Answer as soon as a record is there: its arrival time is what is measured.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::loop, "bench-event-watch");
        this.thread.setDaemon(true);
    }

    /** Starts reading from the current ends of the topics; returns once positioned there. */
    public void start() throws InterruptedException {
        thread.start();
        ready.await();
    }

    private void loop() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(INTAKE, ROUTING, NOTIFICATION)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the ends now, before any petition is sent
        } finally {
            ready.countDown();
        }
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long arrival = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r, arrival);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r, long arrival) {
        String type = header(r, "ce_type");
        if (type == null || r.key() == null) {
            return;
        }
        long total = r.serializedKeySize() + Math.max(0, r.serializedValueSize());
        for (Header h : r.headers()) {
            total += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        LongAdder[] s =
                sizes.computeIfAbsent(type, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        s[0].increment();
        s[1].add(Math.max(0, r.serializedValueSize()));
        s[2].add(total);
        switch (type) {
            case ROUTED -> tracker.routed(r.key(), arrival);
            case ROUTING_FAILED -> tracker.triaged(r.key(), arrival);
            case SENT -> {
                if (isResponderNewCase(r.value())) {
                    tracker.notified(r.key(), arrival);
                }
            }
            default -> {
                // sizes only
            }
        }
    }

    /** {@code NotificationSent} of purpose {@code new_case} to an authority: the responder heard of the case. */
    static boolean isResponderNewCase(byte[] value) {
        if (value == null) {
            return false;
        }
        String json = new String(value, StandardCharsets.UTF_8);
        return json.contains("\"purpose\":\"new_case\"") && json.contains("\"recipient\":\"authority:");
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Sizes by CloudEvents type, of the records seen so far. */
    public Map<String, Size> sizes() {
        Map<String, Size> out = new java.util.TreeMap<>();
        sizes.forEach((type, s) -> out.put(type, new Size(s[0].sum(), s[1].sum(), s[2].sum())));
        return out;
    }

    /** Average value size of {@code PetitionSubmitted}, the record the Kafka ceiling is measured with. */
    public int submittedValueSize() {
        Size s = sizes().get(SUBMITTED);
        return s == null || s.records() == 0 ? 1024 : (int) Math.round(s.averageValue());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
