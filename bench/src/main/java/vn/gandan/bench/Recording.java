package vn.gandan.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one worker saw in the measured window: latencies (microseconds) of accepted submissions and of all
 * responses, a count by outcome (the HTTP status, or the exception's name when there was no response), the
 * worst delay between a request's due time and its actual send, and a sample body per unexpected status.
 *
 * <p>Not thread-safe: one per worker, merged at the end of the phase.
 */
public final class Recording {

    private static final int SAMPLE_CHARS = 300;

    /** The outcome of a request still unanswered when the phase ended. */
    public static final String NO_ANSWER = "no answer by the end";

    private final Histogram accepted = new Histogram(3);
    private final Histogram all = new Histogram(3);
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, String> samples = new TreeMap<>();
    private long maxSendLagMicros;
    private long unsent;

    /**
     * @param status the HTTP status
     * @param latencyMicros from the due time (fixed rate) or the send (max throughput) to the whole response
     * @param body the response body, kept as a sample for a status other than 201; may be null
     */
    public void response(int status, long latencyMicros, String body) {
        long micros = Math.max(1, latencyMicros);
        all.recordValue(micros);
        if (status == 201) {
            accepted.recordValue(micros);
        } else if (body != null) {
            samples.putIfAbsent(
                    Integer.toString(status), body.length() > SAMPLE_CHARS ? body.substring(0, SAMPLE_CHARS) : body);
        }
        outcomes.merge(Integer.toString(status), 1L, Long::sum);
    }

    /** A request that got no response: a timeout, a refused or reset connection. */
    public void failure(Throwable error) {
        outcomes.merge(error.getClass().getSimpleName(), 1L, Long::sum);
        samples.putIfAbsent(error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
    }

    /** A request still unanswered when the phase had to end (a worker left behind). */
    public void noAnswer() {
        outcomes.merge(NO_ANSWER, 1L, Long::sum);
    }

    /**
     * A fixed-rate request due in the window that was never sent: every connection was still waiting for
     * earlier responses until well after the window ({@link LoadDriver#DRAIN}).
     */
    public void unsent() {
        unsent++;
    }

    /** Requests due in the window but never sent (fixed rate, system slower than the offered rate). */
    public long unsentCount() {
        return unsent;
    }

    /** How late a fixed-rate request left after its due time (the driver falling behind). */
    public void sendLag(long micros) {
        maxSendLagMicros = Math.max(maxSendLagMicros, micros);
    }

    /** Adds another worker's recording to this one. */
    public void add(Recording other) {
        accepted.add(other.accepted);
        all.add(other.all);
        other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        other.samples.forEach(samples::putIfAbsent);
        maxSendLagMicros = Math.max(maxSendLagMicros, other.maxSendLagMicros);
        unsent += other.unsent;
    }

    public Histogram accepted() {
        return accepted;
    }

    public Histogram all() {
        return all;
    }

    /** Count by outcome: {@code "201"}, {@code "429"}, {@code "HttpTimeoutException"}, ... */
    public Map<String, Long> outcomes() {
        return outcomes;
    }

    public Map<String, String> samples() {
        return samples;
    }

    public long maxSendLagMicros() {
        return maxSendLagMicros;
    }

    /** Requests sent whose outcome is known (responses and failures). */
    public long total() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long acceptedCount() {
        return outcomes.getOrDefault("201", 0L);
    }
}
