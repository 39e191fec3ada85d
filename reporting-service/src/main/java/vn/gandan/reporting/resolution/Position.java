package vn.gandan.reporting.resolution;

import java.util.Comparator;

/**
 * Where an event was read, by whom: the live listener or a rebuild, and the record's topic, partition and offset.
 * A bucket keeps, per writer and partition, the offset of the last record that moved it ({@link #guardField}); a
 * difference is applied to it only from a record past that mark (see {@link ResolutionProjector}).
 *
 * @param writer {@link #LIVE} or {@link #REBUILD}: each reads every partition in order, apart from the other
 */
public record Position(String writer, String topic, int partition, long offset) {

    public static final String LIVE = "live";
    public static final String REBUILD = "rebuild";
    static final String MARKS = "hw";

    /** The order a writer reads records in, per partition: by writer, topic, partition, then offset. */
    static final Comparator<Position> RECORD_ORDER = Comparator.comparing(Position::writer)
            .thenComparing(Position::topic)
            .thenComparingInt(Position::partition)
            .thenComparingLong(Position::offset);

    /** The bucket field with this writer's mark for this partition, e.g. {@code hw.live|gandan%2Eintake…|3}. */
    String guardField() {
        return MARKS + "." + mark();
    }

    /** The mark's name under {@link #MARKS}. */
    String mark() {
        return Buckets.fieldName(writer + "|" + topic + "|" + partition);
    }

    @Override
    public String toString() {
        return writer + ":" + topic + "-" + partition + "@" + offset;
    }
}
