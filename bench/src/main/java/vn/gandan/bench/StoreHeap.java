package vn.gandan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's live heap, read with the JDK's {@code jcmd} after a full collection: on the memory backend the store
 * holds every document in its heap, so what a back-fill adds to it says how many petitions the heap can take. The
 * resident memory ({@link MemoryWatch}) cannot say it, since the JVM grows into its whole heap before it collects.
 */
public final class StoreHeap {

    /** What the back-fill left in the store's heap, in kibibytes; 0 where not known. */
    public record Growth(long beforeKib, long afterKib, long maxKib, long petitions) {

        /** Heap kept per back-filled petition. */
        public double kibPerPetition() {
            return petitions <= 0 ? 0 : Math.max(0, afterKib - beforeKib) / (double) petitions;
        }

        /** Heap the store would need for this many more petitions on top of what it held after the back-fill. */
        public double gibFor(long more) {
            return (afterKib + kibPerPetition() * Math.max(0, more - petitions)) / (1024.0 * 1024.0);
        }

        public double maxGib() {
            return maxKib / (1024.0 * 1024.0);
        }

        /** Whether the heap's bound is below what {@link #gibFor} says these petitions need. */
        public boolean tooSmallFor(long more) {
            return gibFor(more) > maxGib();
        }
    }

    private static final Pattern USED = Pattern.compile("\\bused (\\d+)K");
    private static final Pattern MAX = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    private StoreHeap() {}

    /** @return the heap in use right after a full collection, or 0 if the process could not be asked */
    public static long liveKib(long pid) {
        return run(pid, "GC.run") == null ? 0 : usedKib(run(pid, "GC.heap_info"));
    }

    /** @return the heap's upper bound, or 0 if unknown */
    public static long maxKib(long pid) {
        String flags = run(pid, "VM.flags");
        if (flags == null) {
            return 0;
        }
        Matcher m = MAX.matcher(flags);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : 0;
    }

    /** The first {@code used NK} of {@code GC.heap_info}: the whole heap's, before the regions' and Metaspace's. */
    static long usedKib(String heapInfo) {
        if (heapInfo == null) {
            return 0;
        }
        Matcher m = USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String run(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(
                            Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
