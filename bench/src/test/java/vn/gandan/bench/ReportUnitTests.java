package vn.gandan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportUnitTests {

    private static final MachineInfo MACHINE = new MachineInfo(
            2,
            24L * 1024 * 1024 * 1024,
            "Test CPU @ 2.0GHz",
            "Linux 6.1 (amd64)",
            "OpenJDK 17.0.15 (Debian)",
            "0.10 0.20 0.30",
            612.4);

    /** 1..1000 ms, one each: the percentiles are known. */
    private static Recording uniform() {
        Recording recording = new Recording();
        for (int ms = 1; ms <= 1000; ms++) {
            recording.response(201, ms * 1000L, null);
        }
        return recording;
    }

    @Test
    void percentiles_and_rates_come_from_the_recorded_latencies() {
        PhaseResult result = new PhaseResult(
                new Phase(Phase.Mode.MAX_THROUGHPUT, 4, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                4,
                Duration.ofSeconds(10),
                uniform(),
                List.of());
        assertThat(result.acceptedPerSecond()).isEqualTo(100.0);
        // HdrHistogram with 3 significant digits: within 0.1%.
        assertThat(result.acceptedMillisAt(50)).isCloseTo(500, org.assertj.core.data.Offset.offset(0.5));
        assertThat(result.acceptedMillisAt(99)).isCloseTo(990, org.assertj.core.data.Offset.offset(1.0));
        assertThat(result.acceptedMaxMillis()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void other_statuses_and_failures_are_counted_but_not_in_the_accepted_latencies() {
        Recording a = uniform();
        Recording b = new Recording();
        b.response(429, 2_000, "{\"title\":\"Too Many Requests\"}");
        b.response(429, 3_000, "{\"title\":\"Too Many Requests\"}");
        b.failure(new HttpTimeoutException("request timed out"));
        b.sendLag(12_500);
        a.add(b);

        assertThat(a.total()).isEqualTo(1003);
        assertThat(a.acceptedCount()).isEqualTo(1000);
        assertThat(a.outcomes()).containsEntry("429", 2L).containsEntry("HttpTimeoutException", 1L);
        assertThat(a.accepted().getTotalCount()).isEqualTo(1000);
        assertThat(a.all().getTotalCount()).isEqualTo(1002);
        assertThat(a.maxSendLagMicros()).isEqualTo(12_500);
        assertThat(a.samples()).containsKey("429");
    }

    @Test
    void the_report_has_a_row_per_phase_the_cpu_and_the_machine() {
        PhaseResult fixed = new PhaseResult(
                new Phase(Phase.Mode.FIXED_RATE, 100, Duration.ofSeconds(20), Duration.ofSeconds(10)),
                64,
                Duration.ofSeconds(10),
                uniform(),
                List.of(new CpuWatch.Usage("intake-service", 61.4), new CpuWatch.Usage(CpuWatch.MACHINE, 120)));
        PhaseResult max = new PhaseResult(
                new Phase(Phase.Mode.MAX_THROUGHPUT, 16, Duration.ofSeconds(20), Duration.ofSeconds(10)),
                16,
                Duration.ofSeconds(10),
                new Recording(),
                List.of(new CpuWatch.Usage("intake-service", 130), new CpuWatch.Usage(CpuWatch.MACHINE, 199)));

        String md = new MarkdownReport(
                        "POST /api/v1/petitions",
                        LocalDate.of(2026, 11, 20),
                        MACHINE,
                        List.of("Store: H2 file backend"),
                        List.of(fixed, max))
                .render();

        assertThat(md).startsWith("# POST /api/v1/petitions, 2026-11-20");
        assertThat(md)
                .contains("| fixed rate 100/s | 10 s after 20 s warm-up | 1000 | 1000 | 0 | 100.0 | 500 |")
                .contains("| max throughput, 16 workers | 10 s after 20 s warm-up | 0 | 0 | 0 | 0.0 | – |")
                .contains("load average 0.10 0.20 0.30")
                .contains("- One core's speed when the driver started: SHA-256 at 612 MB/s on one thread")
                .contains("- Memory: 24.0 GiB")
                .contains("| intake-service | 61% | 130% |")
                .contains("| machine (all cores) | 120% | 199% |")
                .contains("1000 due, 1000 sent (100.0/s) by up to 64 connections")
                .contains("- CPU: 2 cores, Test CPU @ 2.0GHz")
                .contains("- Store: H2 file backend")
                .contains("- Petitions: kinds 70% recommendation");
    }

    @Test
    void a_fixed_rate_the_system_could_not_keep_up_with_is_flagged() {
        Recording recording = new Recording();
        for (int i = 0; i < 300; i++) {
            recording.response(201, 2_000_000, null);
        }
        for (int i = 0; i < 700; i++) {
            recording.unsent();
        }
        recording.noAnswer();
        PhaseResult overloaded = new PhaseResult(
                new Phase(Phase.Mode.FIXED_RATE, 100, Duration.ZERO, Duration.ofSeconds(10)),
                64,
                Duration.ofSeconds(10),
                recording,
                List.of());

        String md =
                new MarkdownReport("t", LocalDate.of(2026, 11, 20), MACHINE, List.of(), List.of(overloaded)).render();

        assertThat(recording.total()).isEqualTo(301);
        assertThat(md)
                .contains("| 301 | 300 | no answer by the end × 1, never sent × 700 | 30.0 |")
                .contains("1000 due, 301 sent (30.1/s)")
                .contains("**the system did not keep up with 100/s**: 700 due requests were never sent");
    }

    @Test
    void other_statuses_are_listed_by_code() {
        assertThat(MarkdownReport.others(java.util.Map.of("201", 5L))).isEqualTo("0");
        assertThat(MarkdownReport.others(new java.util.TreeMap<>(java.util.Map.of("201", 5L, "400", 2L, "429", 1L))))
                .isEqualTo("400 × 2, 429 × 1");
    }

    @Test
    void milliseconds_keep_about_three_digits() {
        assertThat(MarkdownReport.ms(3.14159)).isEqualTo("3.14");
        assertThat(MarkdownReport.ms(31.4159)).isEqualTo("31.4");
        assertThat(MarkdownReport.ms(314.159)).isEqualTo("314");
        assertThat(MarkdownReport.ms(Double.NaN)).isEqualTo("–");
    }

    @Test
    void options_and_phases_parse() {
        Options options = Options.parse(
                "--phase",
                "fixed-rate:50:30s",
                "--phase",
                "max-throughput:8:1m:5s",
                "--warmup",
                "10s",
                "--watch",
                "intake-service=1234",
                "--note",
                "a note",
                "--url",
                "http://localhost:9/");
        assertThat(options.phases())
                .containsExactly(
                        new Phase(Phase.Mode.FIXED_RATE, 50, Duration.ofSeconds(10), Duration.ofSeconds(30)),
                        new Phase(Phase.Mode.MAX_THROUGHPUT, 8, Duration.ofSeconds(5), Duration.ofMinutes(1)));
        assertThat(options.watch()).containsEntry("intake-service", 1234L);
        assertThat(options.url().toString()).isEqualTo("http://localhost:9");
        assertThat(Options.parse().phases()).hasSize(2);
        assertThat(Phase.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Options.parse("--phase", "fast:1:1s")).hasMessageContaining("fixed-rate");
        assertThatThrownBy(() -> Options.parse("--bogus", "1")).hasMessageContaining("unknown option");
    }

    @Test
    void machine_cpu_is_read_from_proc_stat() {
        long[] ticks = CpuWatch.parseCpuLine("cpu  100 5 50 800 20 1 2 3 0 0");
        assertThat(ticks).containsExactly(981, 820);
    }
}
