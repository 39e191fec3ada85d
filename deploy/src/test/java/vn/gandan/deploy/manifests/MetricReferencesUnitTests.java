package vn.gandan.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MetricReferencesUnitTests {

    /** Coming with the observability work (dead-letter counter, projection lag); the end-to-end scrape checks them. */
    private static final Set<String> NOT_IN_SOURCES_YET =
            Set.of("gandan_kafka_dead_letters_total", "gandan_reporting_projection_lag_seconds");

    @Test
    void metricNamesAreFoundAndLabelsFunctionsAndKeywordsAreNot() {
        assertThat(MetricReferences.metricsIn(
                        "histogram_quantile(0.99, sum by (le, service) (rate(http_server_requests_seconds_bucket"
                                + "{service=~\"$service\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(MetricReferences.metricsIn(
                        "sum(rate(a_total[5m])) by (channel) / on (channel) group_left(x) sum without (instance) (b)"))
                .containsExactly("a_total", "b");
        assertThat(MetricReferences.metricsIn("max by (service) (c) > 1000 and max by (service) (deriv(c[10m])) > 0"))
                .containsExactly("c");
        assertThat(MetricReferences.metricsIn("up{job=\"gandan\"} == 0 or vector(0) unless d offset 1d"))
                .containsExactly("d", "up");
        assertThat(MetricReferences.metricsIn("e > bool 1e3 * 0.5 + 0x1F")).containsExactly("e");
        assertThat(MetricReferences.metricsIn("topk(20, max by (authority) (f{authority=~\"triage-.*\"}) > 0)"))
                .containsExactly("f");
        assertThat(MetricReferences.metricsIn("g:recorded:rate5m @ 1609746000")).containsExactly("g:recorded:rate5m");
        assertThat(MetricReferences.metricsIn("sum(rate( h [5m] )) / sum (rate(i[${interval}]))"))
                .containsExactly("h", "i");
    }

    @Test
    void variableQueriesNameTheirMetricOnly() {
        assertThat(MetricReferences.metricsInVariableQuery("label_values(up{job=\"gandan\"}, service)"))
                .containsExactly("up");
        assertThat(MetricReferences.metricsInVariableQuery("label_values(service)"))
                .isEmpty();
        assertThat(MetricReferences.metricsInVariableQuery("query_result(topk(5, j))"))
                .containsExactly("j");
    }

    @Test
    void missingNamesWhatAScrapeLacksButNotPrometheusOwnSeries() {
        Set<String> referenced = MetricReferences.referenced();
        assertThat(referenced)
                .contains(
                        "up",
                        "gandan_outbox_oldest_age_seconds",
                        "gandan_routing_queue_overdue",
                        "gandan_notification_deliveries_total",
                        "resilience4j_circuitbreaker_state",
                        "kafka_consumer_fetch_manager_records_lag_max");

        assertThat(MetricReferences.missing(referenced)).isEmpty();
        Set<String> withoutOne = new HashSet<>(referenced);
        withoutOne.remove("gandan_outbox_pending");
        withoutOne.remove("up");
        assertThat(MetricReferences.missing(withoutOne)).containsExactly("gandan_outbox_pending");
        assertThat(MetricReferences.missing(Set.of())).doesNotContain("up").contains("gandan_outbox_pending");
    }

    @Test
    void everyDashboardIsValidJsonOnTheProvisionedDatasource() {
        List<Path> dashboards = DeployFiles.find(".json").stream()
                .filter(p -> p.getParent().endsWith("grafana/dashboards"))
                .toList();
        assertThat(dashboards)
                .extracting(p -> p.getFileName().toString())
                .contains("pipeline-overview.json", "routing-queues.json", "notification-delivery.json");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = MetricReferences.readJson(file);
            assertThat(dashboard.path("uid").asString("")).as(file.toString()).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asString()))
                    .as("unique uid: " + file)
                    .isTrue();
            assertThat(dashboard.path("panels").isEmpty()).as(file.toString()).isFalse();
            for (JsonNode panel : dashboard.path("panels")) {
                String where =
                        file.getFileName() + " panel " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(where)
                        .isEqualTo("prometheus");
                assertThat(panel.path("targets").isEmpty()).as(where).isFalse();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(MetricReferences.metricsIn(target.path("expr").asString("")))
                            .as(where)
                            .isNotEmpty();
                }
            }
        }
        assertThat(DeployFiles.read(DeployFiles.root().resolve("grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: prometheus");
    }

    /** A typo in a gandan_* name shows here already, before any service runs: the meter must be declared. */
    @Test
    void everyGandanMetricInUseIsAMeterTheServicesDeclare() {
        String sources = mainSources();
        assertThat(sources).contains("\"gandan.outbox.pending\"");
        for (String metric : MetricReferences.referenced()) {
            if (!metric.startsWith("gandan_") || NOT_IN_SOURCES_YET.contains(metric)) {
                continue;
            }
            assertThat(sources)
                    .as("%s: no meter named %s in the services' sources", metric, meterName(metric))
                    .contains("\"" + meterName(metric) + "\"");
        }
        assertThat(meterName("gandan_notification_delivery_latency_seconds_sum"))
                .isEqualTo("gandan.notification.delivery.latency");
        assertThat(meterName("gandan_outbox_published_total")).isEqualTo("gandan.outbox.published");
    }

    /** The Micrometer name behind a Prometheus name: without its unit and type suffixes, dots for underscores. */
    static String meterName(String prometheusName) {
        return prometheusName
                .replaceFirst("(_seconds)?_(bucket|count|sum|max)$", "")
                .replaceFirst("_total$", "")
                .replaceFirst("_seconds$", "")
                .replace('_', '.');
    }

    private static String mainSources() {
        Path repository = DeployFiles.root().getParent();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(repository)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
