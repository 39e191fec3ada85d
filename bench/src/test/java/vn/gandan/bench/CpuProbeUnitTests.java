package vn.gandan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuProbeUnitTests {

    @Test
    void measuresAPlausibleHashingRate() {
        double rate = CpuProbe.sha256MegabytesPerSecond(Duration.ofMillis(50), Duration.ofMillis(200));

        // Any core of this century hashes more than 10 MB/s and less than 100 GB/s on one thread.
        assertThat(rate).isFinite().isBetween(10.0, 100_000.0);
    }
}
