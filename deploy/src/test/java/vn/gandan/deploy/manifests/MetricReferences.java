package vn.gandan.deploy.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The metric names deploy/'s Grafana dashboards and Prometheus alert rules use, so that a test can compare them with
 * what the services expose: {@code missing(namesScrapedFromActuatorPrometheus)} must be empty. The end-to-end test,
 * which runs the four services, calls it with the names it scraped; the unit tests check the extraction.
 *
 * <p>A metric name in PromQL is an identifier that is not a function or aggregation (followed by a parenthesis), a
 * keyword, a label name (inside {@code {…}}, {@code by (…)}, {@code without (…)}, {@code on (…)}, ...), a duration or
 * a Grafana variable. Strings are dropped first, so a label value such as {@code "gandan"} never counts.
 */
public final class MetricReferences {

    /** Series Prometheus makes itself for every target: referenced, but not exposed by any service. */
    static final Set<String> PROMETHEUS_OWN = Set.of(
            "up",
            "scrape_duration_seconds",
            "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling",
            "scrape_series_added");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "atan2",
            "inf",
            "nan",
            "start",
            "end");

    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern OFFSETS = Pattern.compile("\\b(offset)\\s+-?[0-9][0-9a-z]*");
    private static final Pattern AT_MODIFIERS = Pattern.compile("@\\s*[0-9.]+");
    private static final Pattern NUMBERS =
            Pattern.compile("(?<![\\w:])(0x[0-9a-fA-F]+|[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)(?![\\w:])");
    private static final Pattern IDENTIFIERS = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");
    private static final Pattern LABEL_VALUES_NO_METRIC = Pattern.compile("^\\s*label_values\\(\\s*\\w+\\s*\\)\\s*$");
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricReferences() {}

    /** The metric names in one PromQL expression. */
    public static Set<String> metricsIn(String promql) {
        String expr = STRINGS.matcher(promql).replaceAll(" ");
        expr = MATCHERS.matcher(expr).replaceAll(" ");
        expr = RANGES.matcher(expr).replaceAll(" ");
        expr = LABEL_LISTS.matcher(expr).replaceAll(" ");
        expr = VARIABLES.matcher(expr).replaceAll(" ");
        expr = OFFSETS.matcher(expr).replaceAll(" ");
        expr = AT_MODIFIERS.matcher(expr).replaceAll(" ");
        expr = NUMBERS.matcher(expr).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIERS.matcher(expr);
        while (identifiers.find()) {
            String name = identifiers.group();
            if (!KEYWORDS.contains(name) && !followedByParenthesis(expr, identifiers.end())) {
                names.add(name);
            }
        }
        return names;
    }

    /** The metric names in a Grafana variable's query: {@code label_values(expr, label)}, or plain PromQL. */
    public static Set<String> metricsInVariableQuery(String query) {
        if (LABEL_VALUES_NO_METRIC.matcher(query).matches()) {
            return Set.of();
        }
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return metricsIn(labelValues.group(1));
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        return metricsIn(queryResult.matches() ? queryResult.group(1) : query);
    }

    /** Every metric name used, and where: dashboards (panels and variables) and alert rules. */
    public static Map<String, Set<String>> referencedBy() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path dashboard : DeployFiles.find(".json")) {
            if (!dashboard.getParent().endsWith("grafana/dashboards")) {
                continue;
            }
            JsonNode root = readJson(dashboard);
            String where = "dashboard " + dashboard.getFileName();
            root.findValues("expr").forEach(e -> metricsIn(e.asString()).forEach(m -> add(uses, m, where)));
            for (JsonNode variable : root.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                metricsInVariableQuery(text).forEach(m -> add(uses, m, where + " variable " + variable.path("name")));
            }
        }
        for (Path rules : DeployFiles.find(".yml", ".yaml")) {
            if (!rules.getParent().endsWith("prometheus/rules")) {
                continue;
            }
            for (Object document : DeployFiles.yaml().loadAll(DeployFiles.read(rules))) {
                JsonNode tree = JSON.valueToTree(document);
                tree.findValues("expr").forEach(e -> metricsIn(e.asString())
                        .forEach(m -> add(uses, m, "rules " + rules.getFileName())));
            }
        }
        return uses;
    }

    public static Set<String> referenced() {
        return new TreeSet<>(referencedBy().keySet());
    }

    /**
     * The names used by a dashboard or an alert that are not among {@code exposedMetricNames} (as scraped from the
     * services' {@code /actuator/prometheus}: {@code http_server_requests_seconds_bucket}, not the meter's name).
     */
    public static Set<String> missing(Set<String> exposedMetricNames) {
        Set<String> missing = referenced();
        missing.removeAll(exposedMetricNames);
        missing.removeAll(PROMETHEUS_OWN);
        return missing;
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(DeployFiles.read(file));
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static boolean followedByParenthesis(String expr, int end) {
        int i = end;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i < expr.length() && expr.charAt(i) == '(';
    }

    private static void add(Map<String, Set<String>> uses, String metric, String where) {
        uses.computeIfAbsent(metric, m -> new TreeSet<>()).add(where);
    }

    /** Prints the names in use that a scrape lacks: {@code curl …/actuator/prometheus > scrape.txt}, then run. */
    public static void main(String[] args) throws IOException {
        Set<String> exposed = new TreeSet<>();
        for (String file : args) {
            try {
                java.nio.file.Files.readAllLines(Path.of(file)).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.split("[{ ]", 2)[0])
                        .forEach(exposed::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        missing(exposed).forEach(System.out::println);
    }
}
