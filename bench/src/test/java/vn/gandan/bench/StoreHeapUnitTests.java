package vn.gandan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreHeapUnitTests {

    /** What {@code jcmd <pid> GC.heap_info} printed for the store on G1 (JDK 17). */
    private static final String HEAP_INFO = """
            2754:
             garbage-first heap   total 6750208K, used 200822K [0x0000000500000000, 0x0000000800000000)
              region size 8192K, 7 young (57344K), 4 survivors (32768K)
             Metaspace       used 18158K, committed 18432K, reserved 1114112K
              class space    used 2033K, committed 2176K, reserved 1048576K
            """;

    @Test
    void readsTheWholeHeapsUseNotMetaspaces() {
        assertThat(StoreHeap.usedKib(HEAP_INFO)).isEqualTo(200822);
        assertThat(StoreHeap.usedKib("2754:\nCommand not found\n")).isZero();
        assertThat(StoreHeap.usedKib(null)).isZero();
    }

    @Test
    void aShrunkHeapKeepsNothingPerPetition() {
        var growth = new StoreHeap.Growth(3L << 20, 2L << 20, 12L << 20, 1000);
        assertThat(growth.kibPerPetition()).isZero();
        assertThat(growth.gibFor(1_000_000)).isEqualTo(2.0);
    }

    @Test
    void measuresALiveJvm() {
        // This test's own JVM: the JDK's jcmd answers for it, with a heap in use and a bound above it.
        long pid = ProcessHandle.current().pid();
        long live = StoreHeap.liveKib(pid);
        assertThat(live).isPositive();
        assertThat(StoreHeap.maxKib(pid)).isGreaterThan(live);
    }
}
