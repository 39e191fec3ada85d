package vn.gandan.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The services' consumer groups' lag: records on their topics not yet committed, summed per group and topic. */
public final class ConsumerLag implements AutoCloseable {

    public static final List<String> GROUPS = List.of("intake", "routing", "notification", "reporting");

    private final Admin admin;

    public ConsumerLag(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "gandan-bench-admin");
        this.admin = Admin.create(p);
    }

    public Admin admin() {
        return admin;
    }

    /** Lag by group, then by topic (dead-letter topics left out). */
    public Map<String, Map<String, Long>> now() throws Exception {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> byTopic = new TreeMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null && !tp.topic().endsWith(".dlt")) {
                    long lag = Math.max(0, ends.get(tp).offset() - offset.offset());
                    byTopic.merge(tp.topic(), lag, Long::sum);
                }
            });
            out.put(group, byTopic);
        }
        return out;
    }

    /** Total lag of one group over the given topics. */
    public long of(String group, List<String> topics) throws Exception {
        return now().getOrDefault(group, Map.of()).entrySet().stream()
                .filter(e -> topics.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Total lag of every group over all its topics. */
    public long total() throws Exception {
        return now().values().stream()
                .flatMap(byTopic -> byTopic.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
