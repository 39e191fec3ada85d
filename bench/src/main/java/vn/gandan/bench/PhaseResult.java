package vn.gandan.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * A phase's outcome over its measured window.
 *
 * @param phase what was offered
 * @param connections fixed rate: the most requests in flight; max throughput: the workers
 * @param measured the measured window's length
 * @param recording what the workers saw in it
 * @param cpu CPU used by each watched process in the window; may be empty
 */
public record PhaseResult(
        Phase phase, int connections, Duration measured, Recording recording, List<CpuWatch.Usage> cpu) {

    public PhaseResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(recording, "recording");
        cpu = List.copyOf(cpu);
    }

    /** Accepted submissions (201) per second of the measured window. */
    public double acceptedPerSecond() {
        return recording.acceptedCount() / seconds();
    }

    /** Responses and failures per second of the measured window. */
    public double sentPerSecond() {
        return recording.total() / seconds();
    }

    private double seconds() {
        return measured.toNanos() / 1e9;
    }

    /** Requests due in the window (fixed rate); for max throughput, those sent. */
    public long offered() {
        return phase.mode() == Phase.Mode.FIXED_RATE ? Math.round(phase.load() * seconds()) : recording.total();
    }

    /** Latency of accepted submissions at a percentile, in milliseconds; NaN when there were none. */
    public double acceptedMillisAt(double percentile) {
        return millisAt(recording.accepted(), percentile);
    }

    /** The slowest accepted submission, in milliseconds; NaN when there were none. */
    public double acceptedMaxMillis() {
        Histogram h = recording.accepted();
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    static double millisAt(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
