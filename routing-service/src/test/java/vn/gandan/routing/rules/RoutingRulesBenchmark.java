package vn.gandan.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.Province;
import vn.gandan.events.CategoryCodes;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.authority.AuthorityDirectory;

/**
 * Routing decisions per second with the seed plus 1,000 generated rules, on one thread and on two, over inputs
 * from every province. Not part of the normal test run (the name); asserts only that decisions were made. Run:
 * {@code ./mvnw -B -o -pl routing-service test -Dtest=RoutingRulesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Writes {@code docs/benchmarks/routing-rules-<date>.md}.
 */
class RoutingRulesBenchmark {

    static final int GENERATED_RULES = 1_000;
    static final int INPUTS = 20_000;
    static final long WARM_UP_NANOS = 3_000_000_000L;
    static final long MEASURE_NANOS = 5_000_000_000L;

    final Random random = new Random(20261201);
    final AdminUnits units = AdminUnits.official();
    final List<Province> provinces = units.provinces();

    @Test
    void decisionsPerSecond() throws Exception {
        List<RoutingRule> rules = new ArrayList<>(RuleSamples.seed());
        for (int i = 0; i < GENERATED_RULES; i++) {
            rules.add(generatedRule(i));
        }
        RuleValidation validation = new RuleValidation(TestAuthorities.official(), java.time.Clock.systemUTC());
        assertThat(validation.problems(rules))
                .as("the generated rules are valid")
                .isEmpty();
        long compileStart = System.nanoTime();
        RuleSet set = RuleSet.of(rules);
        double compileMillis = (System.nanoTime() - compileStart) / 1e6;
        var directory = TestAuthorities.official();
        RoutingInputs[] inputs = new RoutingInputs[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            inputs[i] = generatedInput();
        }

        run(set, directory, inputs, 1, WARM_UP_NANOS);
        Result one = run(set, directory, inputs, 1, MEASURE_NANOS);
        Result two = run(set, directory, inputs, 2, MEASURE_NANOS);
        long[] latencies = latencies(set, directory, inputs);

        Map<String, Integer> outcomes = new HashMap<>();
        for (RoutingInputs in : inputs) {
            RoutingDecision d = set.decide(in, directory);
            outcomes.merge(d.isAssigned() ? "assigned" : "triage " + d.reason(), 1, Integer::sum);
        }
        assertThat(one.decisions()).isPositive();
        assertThat(two.decisions()).isPositive();
        assertThat(outcomes.get("assigned")).isPositive();

        String report = report(rules.size(), compileMillis, one, two, latencies, outcomes);
        System.out.println(report);
        Path file = Path.of("..", "docs", "benchmarks", "routing-rules-" + LocalDate.now() + ".md");
        if (Files.isDirectory(file.getParent())) {
            Files.writeString(file, report, StandardCharsets.UTF_8);
            System.out.println("Report written to " + file.toAbsolutePath().normalize());
        }
    }

    record Result(int threads, long decisions, double seconds) {
        double perSecond() {
            return decisions / seconds;
        }
    }

    static Result run(RuleSet set, AuthorityDirectory directory, RoutingInputs[] inputs, int threads, long nanos)
            throws InterruptedException {
        AtomicLong total = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7919;
            Thread worker = new Thread(() -> {
                long count = 0;
                int i = offset;
                long blackhole = 0;
                while (System.nanoTime() - start < nanos) {
                    for (int k = 0; k < 256; k++) {
                        RoutingDecision d = set.decide(inputs[i++ % inputs.length], directory);
                        blackhole += d.matched().size();
                        count++;
                    }
                }
                total.addAndGet(count + (blackhole == Long.MIN_VALUE ? 1 : 0));
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(threads, total.get(), (System.nanoTime() - start) / 1e9);
    }

    /** One thread, each decision timed on its own. */
    static long[] latencies(RuleSet set, AuthorityDirectory directory, RoutingInputs[] inputs) {
        long[] nanos = new long[inputs.length * 5];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            set.decide(inputs[i % inputs.length], directory);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    RoutingRule generatedRule(int i) {
        Province province = provinces.get(random.nextInt(provinces.size()));
        List<Commune> communes = units.communesOf(province.code());
        List<String> ruleCommunes = new ArrayList<>();
        if (random.nextInt(10) < 6) {
            for (int c = 1 + random.nextInt(3); c > 0; c--) {
                ruleCommunes.add(communes.get(random.nextInt(communes.size())).code());
            }
        }
        List<String> categories = new ArrayList<>();
        for (int c = 1 + random.nextInt(2); c > 0; c--) {
            String category = CategoryCodes.ALL.get(random.nextInt(CategoryCodes.ALL.size()));
            categories.add(
                    random.nextInt(4) == 0 && category.contains(".") ? CategoryCodes.group(category) + ".*" : category);
        }
        List<String> kinds = new ArrayList<>();
        for (PetitionKind kind : PetitionKind.values()) {
            if (random.nextBoolean()) {
                kinds.add(kind.code());
            }
        }
        RuleTarget target =
                switch (random.nextInt(5)) {
                    case 0 -> RuleTarget.department(RuleVocabulary.DEPARTMENTS.get(random.nextInt(5)));
                    case 1 -> RuleTarget.ofType("provincial_inspectorate");
                    case 2 -> RuleTarget.authority("ubnd-" + province.code());
                    case 3 -> RuleTarget.ofType("police");
                    default -> RuleTarget.ofType("commune_peoples_committee");
                };
        return new RoutingRule(
                "generated-" + i,
                1,
                1_000 + random.nextInt(900_000),
                "generated for the benchmark",
                random.nextInt(20) != 0,
                new RuleMatch(kinds, categories, List.of(province.code()), ruleCommunes, null, null),
                target);
    }

    RoutingInputs generatedInput() {
        Province province = provinces.get(random.nextInt(provinces.size()));
        List<Commune> communes = units.communesOf(province.code());
        Commune commune = communes.get(random.nextInt(communes.size()));
        PetitionKind kind = PetitionKind.values()[random.nextInt(3)];
        String category = CategoryCodes.ALL.get(random.nextInt(CategoryCodes.ALL.size()));
        Map<String, String> details = new HashMap<>();
        if (category.equals("officials.conduct")) {
            details.put(
                    RoutingInputs.SUBJECT_AUTHORITY,
                    random.nextBoolean() ? "UBND " + commune.name() : "Sở Xây dựng " + province.name());
        }
        if (kind == PetitionKind.COMPLAINT && category.equals("land.compensation")) {
            details.put(RoutingInputs.ISSUING_AUTHORITY, "Ủy ban nhân dân " + commune.name());
        }
        return new RoutingInputs(
                kind,
                category,
                province.code(),
                random.nextInt(20) == 0 ? null : commune.code(),
                details,
                LocalDate.of(2026, 3, 2));
    }

    static String report(
            int ruleCount,
            double compileMillis,
            Result one,
            Result two,
            long[] latencies,
            Map<String, Integer> outcomes)
            throws IOException {
        String cpu = "unknown";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        }
        var runtime = ManagementFactory.getRuntimeMXBean();
        StringBuilder outcomeLines = new StringBuilder();
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> outcomeLines
                .append("| ")
                .append(e.getKey())
                .append(" | ")
                .append(e.getValue())
                .append(" |\n"));
        return """
                # Routing rules: decisions per second (%s)

                `RoutingRulesBenchmark` (routing-service, test scope), in-process: `RuleSet.decide` over the
                directory as the service generates it, held in memory with the same indexes and name keys as in
                production (`StoredAuthorityDirectory.generated`); no store, no Kafka, no HTTP.

                ```
                ./mvnw -B -o -pl routing-service test -Dtest=RoutingRulesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
                ```

                | | |
                |---|---|
                | Machine | %s, %d cores available to the JVM |
                | JDK | %s %s (%s) |
                | OS | %s %s %s |
                | Rules | %d (the seed plus %d generated: one province each, 60%% also 1-3 communes, 1-2 categories or groups, random kinds, 5%% disabled) |
                | Inputs | %d generated across all %d provinces, 5%% without a commune, subject and issuer details where the category has them |
                | Compile the set | %.1f ms |
                | Warm-up | %d s on one thread; then %d s per measurement |

                | Threads | Decisions | Decisions/s |
                |---|---|---|
                | 1 | %d | %,.0f |
                | 2 | %d | %,.0f |

                Per decision, one thread, each timed alone (System.nanoTime, so the figures include its cost):
                p50 %.2f µs, p99 %.2f µs, max %.1f µs over %d decisions.

                | Outcome over the inputs | Count |
                |---|---|
                %s
                """.formatted(
                        LocalDate.now(),
                        cpu,
                        Runtime.getRuntime().availableProcessors(),
                        runtime.getVmName(),
                        System.getProperty("java.version"),
                        System.getProperty("java.vendor"),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("os.arch"),
                        ruleCount,
                        GENERATED_RULES,
                        INPUTS,
                        AdminUnits.official().provinces().size(),
                        compileMillis,
                        WARM_UP_NANOS / 1_000_000_000L,
                        MEASURE_NANOS / 1_000_000_000L,
                        one.decisions(),
                        one.perSecond(),
                        two.decisions(),
                        two.perSecond(),
                        latencies[latencies.length / 2] / 1e3,
                        latencies[(int) (latencies.length * 0.99)] / 1e3,
                        latencies[latencies.length - 1] / 1e3,
                        latencies.length,
                        outcomeLines);
    }
}
