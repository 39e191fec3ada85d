package vn.gandan.support.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import vn.gandan.support.kafka.BeforeDeadLetter;

/** Remembers the keys of the records about to be dead-lettered, and fails on request as a store might. */
@Component
public class RecordingBeforeDeadLetter implements BeforeDeadLetter {

    private final List<Object> prepared = new CopyOnWriteArrayList<>();
    private final Map<Object, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Override
    public void prepare(ConsumerRecord<?, ?> record, Exception exception) {
        prepared.add(record.key());
        AtomicInteger failing = failures.get(record.key());
        if (failing != null && failing.getAndDecrement() > 0) {
            throw new IllegalStateException("test step fails for " + record.key());
        }
    }

    /** Every call, failed ones included, by record key. */
    public long calls(Object key) {
        return prepared.stream().filter(key::equals).count();
    }

    /** The next {@code times} calls for this key fail. */
    public void failFor(Object key, int times) {
        failures.put(key, new AtomicInteger(times));
    }
}
