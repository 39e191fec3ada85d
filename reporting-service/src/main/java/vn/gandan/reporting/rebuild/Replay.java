package vn.gandan.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer of its own, outside any group: it is assigned every partition and reads them from the beginning,
 * committing nothing, so the live listener's group offsets are untouched. Values stay bytes here so that an
 * unreadable record is the caller's to skip rather than an exception out of {@code poll}.
 */
final class Replay implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration pollTimeout;
    private final Clock clock;
    private List<TopicPartition> partitions = List.of();

    Replay(Map<String, Object> consumerProperties, Duration pollTimeout, Clock clock) {
        this.consumer =
                new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.pollTimeout = pollTimeout;
        this.clock = clock;
    }

    /** @return the end offsets now, the first target */
    Map<TopicPartition, Long> fromBeginning(List<String> topics) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                all.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        partitions = List.copyOf(all);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return endOffsets();
    }

    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(tp -> positions.put(tp, consumer.position(tp)));
        return positions;
    }

    /**
     * Polls until every partition's position reached {@code ends}; records past them are handed on too (applying
     * is idempotent, so reading a little further is harmless).
     */
    void readUntil(
            Map<TopicPartition, Long> ends,
            Instant deadline,
            Consumer<ConsumerRecord<byte[], byte[]>> onRecord,
            Consumer<Map<TopicPartition, Long>> onPositions) {
        while (true) {
            Map<TopicPartition, Long> positions = positions();
            onPositions.accept(positions);
            if (ends.entrySet().stream().allMatch(e -> positions.get(e.getKey()) >= e.getValue())) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("timed out before reaching the end offsets");
            }
            consumer.poll(pollTimeout).forEach(onRecord);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
