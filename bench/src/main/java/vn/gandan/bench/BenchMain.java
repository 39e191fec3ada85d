package vn.gandan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** The load driver's entry point: {@code java -jar bench/target/gandan-bench.jar --help}. */
public final class BenchMain {

    /** Workers of the priming load before the first phase. */
    static final int PRIME_WORKERS = 8;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        System.exit(run(options, System.out, System.err));
    }

    static int run(Options options, PrintStream out, PrintStream progress) throws Exception {
        // Before any load of ours, so that the load average is the machine's own.
        MachineInfo machine = MachineInfo.detect();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Catalogue catalogue;
        try {
            catalogue = fetchCatalogue(client, options);
        } catch (IOException | RuntimeException e) {
            progress.println("bench: cannot read " + options.url() + "/api/v1/catalogue: " + e);
            return 1;
        }
        Places places = Places.of(options.province());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        PetitionGenerator generator = new PetitionGenerator(catalogue, places, runId, Clock.systemUTC());
        LoadDriver driver = new LoadDriver(
                client,
                new LoadDriver.Target(
                        URI.create(options.url() + "/api/v1/petitions"), options.apiKey(), options.timeout()),
                generator,
                new CpuWatch(options.watch()),
                options.seed(),
                progress);

        progress.printf(
                Locale.ROOT,
                "bench: %s, %d categories, %d communes and %d pre-2025 communes of %s; run %s%n",
                options.url(),
                catalogue.categories().size(),
                places.communes().size(),
                places.oldCommunes().size(),
                places.provinceName(),
                runId);
        catalogue.skipped().forEach(s -> progress.println("bench: not sent: " + s));
        HttpResponse<String> first = driver.sendOne();
        if (first.statusCode() != 201) {
            progress.println(
                    "bench: a first petition was answered " + first.statusCode() + ", not 201: " + first.body());
            return 1;
        }

        if (options.pipeline() != null) {
            return pipeline(options, client, driver, catalogue, places, runId, machine, out, progress);
        }
        if (!options.prime().isZero()) {
            progress.println("priming, not counted:");
            driver.run(new Phase(Phase.Mode.MAX_THROUGHPUT, PRIME_WORKERS, Duration.ZERO, options.prime()), 0);
        }
        List<PhaseResult> results = new ArrayList<>();
        for (Phase phase : options.phases()) {
            results.add(driver.run(phase, options.connections()));
        }

        List<String> notes = new ArrayList<>(options.notes());
        if (!catalogue.skipped().isEmpty()) {
            notes.add("Not sent (the generator cannot fill them): " + String.join("; ", catalogue.skipped()));
        }
        String report = new MarkdownReport(
                        options.title(), LocalDate.now(ZoneId.systemDefault()), machine, notes, results)
                .render();
        out.println();
        out.print(report);
        if (options.out() != null) {
            if (options.out().toAbsolutePath().getParent() != null) {
                Files.createDirectories(options.out().toAbsolutePath().getParent());
            }
            Files.writeString(options.out(), report, StandardCharsets.UTF_8);
            progress.println("bench: report written to " + options.out());
        }
        return 0;
    }

    /** The whole-system run; exit code 3 when an accepted petition was never routed (lost). */
    private static int pipeline(
            Options options,
            HttpClient client,
            LoadDriver driver,
            Catalogue catalogue,
            Places places,
            String runId,
            MachineInfo machine,
            PrintStream out,
            PrintStream progress)
            throws Exception {
        PipelineResult result = new PipelineRun(options, client, driver, progress).run(catalogue, places, runId);
        StringBuilder md = new StringBuilder(new PipelineReport(machine, result).render());
        md.append("### Setup of this section\n\n");
        options.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        if (!catalogue.skipped().isEmpty()) {
            md.append("- Not sent (the generator cannot fill them): ")
                    .append(String.join("; ", catalogue.skipped()))
                    .append('\n');
        }
        md.append('\n');
        out.println();
        out.print(md);
        write(options, md.toString(), progress);
        if (result.unrouted() > 0) {
            progress.println("bench: " + result.unrouted() + " accepted petitions were never routed");
            return 3;
        }
        return 0;
    }

    private static void write(Options options, String report, PrintStream progress) throws IOException {
        if (options.out() != null) {
            if (options.out().toAbsolutePath().getParent() != null) {
                Files.createDirectories(options.out().toAbsolutePath().getParent());
            }
            Files.writeString(options.out(), report, StandardCharsets.UTF_8);
            progress.println("bench: report written to " + options.out());
        }
    }

    private static Catalogue fetchCatalogue(HttpClient client, Options options)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(options.url() + "/api/v1/catalogue"))
                        .timeout(Duration.ofSeconds(10))
                        .header("X-Api-Key", options.apiKey())
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return Catalogue.parse(response.body(), JsonMapper.builder().build());
    }
}
