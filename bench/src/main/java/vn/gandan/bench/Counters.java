package vn.gandan.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service has done so far, from its {@code /actuator/prometheus}: MongoDB commands by command name and
 * collection (Spring Boot's Mongo command metrics, {@code mongodb_driver_commands_seconds_count}) and Kafka records
 * sent (the producers' {@code kafka_producer_record_send_total}, summed over client ids). Differences of two
 * scrapes are the work of what happened between them: counted, not estimated.
 *
 * @param commands count by {@code command|collection}
 * @param kafkaRecords records the service's producers sent
 * @param outboxPublished events its outbox relay published ({@code gandan_outbox_published_total})
 */
public record Counters(Map<String, Long> commands, long kafkaRecords, long outboxPublished) {

    /** Commands that change the store. A batch (one insert of many documents) is one command. */
    public static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "bulkWrite");

    /** Commands that only read. */
    public static final Set<String> READS = Set.of("find", "getMore", "aggregate", "count", "distinct");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static final Counters NONE = new Counters(Map.of(), 0, 0);

    public Counters {
        commands = Map.copyOf(commands);
    }

    /** Parses the Prometheus text format; lines it does not need are skipped. */
    public static Counters parse(String text) {
        Map<String, Long> commands = new TreeMap<>();
        long kafka = 0;
        long outbox = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            long value;
            try {
                value = Math.round(Double.parseDouble(m.group(4)));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (name) {
                case "mongodb_driver_commands_seconds_count" -> {
                    Map<String, String> labels = labels(m.group(3));
                    String key = labels.getOrDefault("command", "?") + "|" + labels.getOrDefault("collection", "");
                    commands.merge(key, value, Long::sum);
                }
                case "kafka_producer_record_send_total" -> kafka += value;
                case "gandan_outbox_published_total" -> outbox += value;
                default -> {
                    // not needed
                }
            }
        }
        return new Counters(commands, kafka, outbox);
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }

    /** What happened between {@code earlier} and this scrape. */
    public Counters minus(Counters earlier) {
        Map<String, Long> diff = new TreeMap<>();
        commands.forEach((k, v) -> {
            long d = v - earlier.commands.getOrDefault(k, 0L);
            if (d != 0) {
                diff.put(k, d);
            }
        });
        return new Counters(diff, kafkaRecords - earlier.kafkaRecords, outboxPublished - earlier.outboxPublished);
    }

    public long writes() {
        return sum(WRITES);
    }

    public long reads() {
        return sum(READS);
    }

    /** Writes by collection, such as {@code petitions → 1000}. */
    public Map<String, Long> writesByCollection() {
        Map<String, Long> out = new TreeMap<>();
        commands.forEach((k, v) -> {
            int bar = k.indexOf('|');
            if (WRITES.contains(k.substring(0, bar))) {
                out.merge(k.substring(bar + 1) + " " + k.substring(0, bar), v, Long::sum);
            }
        });
        return out;
    }

    private long sum(Set<String> names) {
        return commands.entrySet().stream()
                .filter(e -> names.contains(e.getKey().substring(0, e.getKey().indexOf('|'))))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
