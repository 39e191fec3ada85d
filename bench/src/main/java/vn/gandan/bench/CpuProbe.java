package vn.gandan.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * A yardstick of one core's speed: SHA-256 over a fixed buffer on one thread, in MB/s. The same code has run a quarter
 * slower on this kind of machine from one day to the next, so a report gives this figure beside its own, and runs
 * compare only where it is close.
 */
final class CpuProbe {

    private static final int BUFFER = 64 * 1024;

    private CpuProbe() {}

    /** Hashes for {@code warmUp} (JIT compilation), then measures for {@code measured}. */
    static double sha256MegabytesPerSecond(Duration warmUp, Duration measured) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) i;
        }
        hashFor(sha, buffer, warmUp.toNanos());
        long start = System.nanoTime();
        long bytes = hashFor(sha, buffer, measured.toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        return bytes / 1e6 / seconds;
    }

    private static long hashFor(MessageDigest sha, byte[] buffer, long nanos) {
        long end = System.nanoTime() + nanos;
        long bytes = 0;
        do {
            sha.update(buffer);
            bytes += buffer.length;
        } while (System.nanoTime() < end);
        sha.reset();
        return bytes;
    }
}
