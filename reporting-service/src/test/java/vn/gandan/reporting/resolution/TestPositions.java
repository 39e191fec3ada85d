package vn.gandan.reporting.resolution;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Positions for the events a test applies directly: one partition of a writer of the tests' own, read in order as
 * a consumer would (the offsets only grow, across the tests of one JVM too).
 */
final class TestPositions {

    private static final AtomicLong OFFSETS = new AtomicLong();

    private TestPositions() {}

    static Position next() {
        return next("it");
    }

    /** The next record of partition 0 of another topic of the tests' writer. */
    static Position next(String topic) {
        return new Position("test", topic, 0, OFFSETS.incrementAndGet());
    }
}
