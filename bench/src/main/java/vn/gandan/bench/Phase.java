package vn.gandan.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One measured phase: a load shape, a warm-up at that load that is not counted, then the measured window.
 *
 * @param mode how the load is offered
 * @param load requests per second ({@link Mode#FIXED_RATE}) or concurrent closed-loop workers ({@link
 *     Mode#MAX_THROUGHPUT}); positive
 * @param warmup run at the same load before measuring, not counted; zero or more
 * @param duration the measured window; positive
 */
public record Phase(Mode mode, int load, Duration warmup, Duration duration) {

    /** How a phase offers its load. */
    public enum Mode {
        /**
         * Open loop: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones were
         * answered; its latency is measured from that due time (free of coordinated omission).
         */
        FIXED_RATE("fixed-rate"),
        /** Closed loop: each worker sends its next request as soon as its previous one is answered. */
        MAX_THROUGHPUT("max-throughput");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Mode fromCode(String code) {
            for (Mode mode : values()) {
                if (mode.code.equals(code)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown phase mode \"" + code + "\" (fixed-rate or max-throughput)");
        }
    }

    public Phase {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        if (load <= 0) {
            throw new IllegalArgumentException("load must be positive: " + load);
        }
        if (warmup.isNegative() || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("warm-up must be zero or more and duration positive");
        }
    }

    /**
     * Parses {@code MODE:LOAD:DURATION[:WARMUP]}, such as {@code fixed-rate:100:60s} (100 requests/s for
     * 60 s) or {@code max-throughput:16:60s:10s} (16 workers for 60 s after 10 s of warm-up).
     *
     * @param spec the phase; must not be null
     * @param defaultWarmup the warm-up when the spec gives none
     * @throws IllegalArgumentException if the spec is malformed
     */
    public static Phase parse(String spec, Duration defaultWarmup) {
        String[] parts = spec.strip().split(":");
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException(
                    "phase \"" + spec + "\" is not MODE:LOAD:DURATION[:WARMUP], e.g. fixed-rate:100:60s");
        }
        int load;
        try {
            load = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phase \"" + spec + "\": load is not a number: " + parts[1]);
        }
        Duration warmup = parts.length == 4 ? parseDuration(parts[3]) : defaultWarmup;
        return new Phase(Mode.fromCode(parts[0]), load, warmup, parseDuration(parts[2]));
    }

    /**
     * Parses {@code 500ms}, {@code 60s}, {@code 2m} or a plain number of seconds.
     *
     * @throws IllegalArgumentException if malformed
     */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration (such as 500ms, 60s, 2m): " + text);
        }
    }

    /** A short name, such as {@code fixed-rate 100/s} or {@code max-throughput 16 workers}. */
    public String label() {
        return mode == Mode.FIXED_RATE ? "fixed rate " + load + "/s" : "max throughput, " + load + " workers";
    }
}
