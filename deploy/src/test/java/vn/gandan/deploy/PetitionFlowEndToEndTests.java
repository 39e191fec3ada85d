package vn.gandan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gandan.deploy.manifests.MetricReferences;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.TestInfrastructure;

/**
 * The four services as separate processes on one broker and one store: a petition posted to intake is routed,
 * its responder nudged, and it is counted, each seen through that service's own API; it is one trace across the
 * four, and each service shows its meters.
 */
class PetitionFlowEndToEndTests {

    static ServiceProcess intake;
    static ServiceProcess routing;
    static ServiceProcess notification;
    static ServiceProcess reporting;
    static SpanCollector collector;
    static final GreenMail smtp =
            new GreenMail(new ServerSetup(vn.gandan.testsupport.FreePorts.pick(), "127.0.0.1", "smtp"));

    @BeforeAll
    static void startTheSystem() throws Exception {
        var servers = TestInfrastructure.servers();
        String kafka = servers.kafkaBootstrapServers();
        String mongo = servers.mongoUri();
        collector = SpanCollector.start();
        // Every service exports its spans to the test's collector, in small batches so the test need not wait.
        // The deployments' own settings too (deploy/k8s/base/gandan.yml: the HTTP latency histogram, among others).
        String[] tracing = {
            "--management.opentelemetry.tracing.export.otlp.endpoint=" + collector.endpoint(),
            "--management.opentelemetry.tracing.export.schedule-delay=200ms",
            "--spring.config.import=file:"
                    + java.nio.file.Path.of("k8s", "base", "gandan.yml").toAbsolutePath()
        };
        intake = ServiceProcess.start("intake-service", kafka, mongo, tracing);
        routing = ServiceProcess.start("routing-service", kafka, mongo, tracing);
        smtp.start();
        notification = ServiceProcess.start(
                "notification-service",
                kafka,
                mongo,
                concat(
                        tracing,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort()));
        // Reporting logs each projected event at debug: a line for the test to find the trace id in.
        reporting = ServiceProcess.start(
                "reporting-service",
                kafka,
                mongo,
                concat(tracing, "--logging.level.vn.gandan.reporting.summary=debug"));
        for (ServiceProcess service : all()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopTheSystem() {
        all().stream().filter(s -> s != null).forEach(ServiceProcess::stop);
        smtp.stop();
        if (collector != null) {
            collector.close();
        }
    }

    static String[] concat(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }

    static List<ServiceProcess> all() {
        return java.util.Arrays.asList(intake, routing, notification, reporting);
    }

    @Test
    void aPetitionIsRoutedNotifiedAndCounted() {
        Http analyst = reporting.http().withBasic("analyst", "analyst");
        long countedBefore =
                analyst.get("/api/v1/reports/summary").json().get("total").asLong();

        Http.Response created = intake.http().withApiKey("demo-portal-key").post("/api/v1/petitions", """
                        {"kind":"recommendation","category":"infrastructure.drainage",
                         "title":"Cống thoát nước bị tắc, ngã tư ngập sâu",
                         "description":"Mỗi khi mưa lớn, nước ngập ngã tư trước trường tiểu học.",
                         "location":{"communeCode":"17605"},"channel":"portal",
                         "receivedAt":"%s",
                         "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},
                         "portalReference":"NA-E2E-%s"}
                        """.formatted(
                        // Received yesterday: a fixed date would one day be overdue and escalated on arrival.
                        java.time.Instant.now().minus(Duration.ofDays(1)), UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode routed = routing.http()
                    .withBasic("operator", "operator")
                    .get("/api/v1/cases/" + id)
                    .json();
            assertThat(routed.path("status").asString()).isEqualTo("routed");
            assertThat(routed.path("authority").path("id").asString()).isEqualTo("ubnd-17605");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode nudges = notification
                    .http()
                    .withBasic("operator", "operator")
                    .get("/api/v1/notifications?petitionId=" + id)
                    .json();
            assertThat(nudges).hasSize(1);
            assertThat(nudges.get(0).get("status").asString()).isEqualTo("sent");
            assertThat(nudges.get(0).get("recipient").asString()).isEqualTo("authority:ubnd-17605");
        });
        // The responder's office got the e-mail, quoting the petition's tracking code.
        String trackingCode = created.json().get("trackingCode").asString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smtp.getReceivedMessagesForDomain("thu-nghiem.gandan.vn"))
                        .anySatisfy(m -> assertThat(m.getSubject()).contains(trackingCode)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode summary = analyst.get("/api/v1/reports/summary").json();
            assertThat(summary.get("total").asLong()).isEqualTo(countedBefore + 1);
            assertThat(summary.get("notificationsSent").asLong()).isGreaterThanOrEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(intake.http()
                        .withApiKey("demo-portal-key")
                        .get("/api/v1/petitions/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("routed"));

        try (KafkaProbe intakeTopic = KafkaProbe.reading(Topics.INTAKE_PETITIONS)) {
            var record = intakeTopic.await(KafkaProbe.withKey(id), Duration.ofSeconds(10));
            assertThat(KafkaProbe.header(record, "ce_type")).contains("vn.gandan.petition.submitted.v1");
            assertThat(KafkaProbe.header(record, "ce_subject")).contains(id);
        }

        oneTraceFollowsThePetitionThroughEveryService(id);
        everyServiceShowsItsMeters();
        theDashboardsAndAlertsUseOnlyMetricsTheServicesShow();
    }

    /**
     * ADR 0017: a portal imports a petition from its records. It is routed to the authority for its place and
     * counted, as archived and imported; no clock runs for it and no one is told, though a live petition after it
     * through the same queues is.
     */
    @Test
    void aHistoricalImportIsRoutedAndCountedAndNoOneIsTold() {
        Http portal = intake.http().withApiKey("demo-portal-key");
        Http analyst = reporting.http().withBasic("analyst", "analyst");
        Http operator = notification.http().withBasic("operator", "operator");
        long archivedBefore = analyst.get("/api/v1/reports/summary")
                .json()
                .path("byStatus")
                .path("archived")
                .asLong(0);

        Http.Response batch = portal.post("/api/v1/petitions:batch", """
                {"historical":true,"petitions":[{"kind":"recommendation","category":"infrastructure.drainage",
                 "title":"Cống thoát nước bị tắc từ năm 2021","description":"Đề nghị nạo vét cống trước mùa mưa.",
                 "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"2022-03-14T09:30:00+07:00",
                 "citizen":{"name":"Trần Thị Bình","address":"12 Lê Lợi, phường Long Thành"},
                 "portalReference":"NA-E2E-H-%s"}]}
                """.formatted(UUID.randomUUID()));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        JsonNode item = batch.json().get("results").get(0);
        assertThat(item.get("status").asInt()).as(item.toString()).isEqualTo(201);
        String id = item.get("petition").get("id").asString();
        String trackingCode = item.get("petition").get("trackingCode").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode archived = routing.http()
                    .withBasic("operator", "operator")
                    .get("/api/v1/cases/" + id)
                    .json();
            assertThat(archived.path("status").asString()).isEqualTo("archived");
            assertThat(archived.path("authority").path("id").asString()).isEqualTo("ubnd-17605");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(portal.get("/api/v1/petitions/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("archived"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(analyst.get("/api/v1/reports/summary")
                        .json()
                        .path("byStatus")
                        .path("archived")
                        .asLong(0))
                .isEqualTo(archivedBefore + 1));

        // A live petition behind it: once its office is told, the import's nudge would have gone too.
        String live = portal.post("/api/v1/petitions", """
                        {"kind":"recommendation","category":"infrastructure.drainage",
                         "title":"Cống thoát nước lại bị tắc","description":"Nước ngập ngã tư sau mưa.",
                         "location":{"communeCode":"17605"},"channel":"portal","receivedAt":"%s",
                         "citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},
                         "portalReference":"NA-E2E-L-%s"}
                        """.formatted(
                                java.time.Instant.now().minus(Duration.ofHours(1)), UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        operator.get("/api/v1/notifications?petitionId=" + live).json())
                .hasSize(1));
        assertThat(operator.get("/api/v1/notifications?petitionId=" + id).json())
                .isEmpty();
        assertThat(smtp.getReceivedMessages())
                .noneSatisfy(m -> assertThat(m.getSubject()).contains(trackingCode));
    }

    /**
     * The POST that brought the petition in starts one trace; intake's relay, routing (listener, relay), notification
     * (listener, the delivery, its relay) and reporting (a listener span per topic) all continue it, each exporting
     * its spans to the collector as it would in production. Their log lines about the petition carry its trace id.
     */
    private void oneTraceFollowsThePetitionThroughEveryService(String id) {
        var relayedByIntake = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> collector.spans().stream()
                                .filter(s -> s.service().equals("intake-service"))
                                .filter(s -> s.attribute("gandan.petition.id").equals(id))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        String trace = relayedByIntake.traceId();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanCollector.ReceivedSpan> spans = collector.spans().stream()
                    .filter(s -> s.traceId().equals(trace))
                    .toList();
            String all = spans.stream().map(Object::toString).collect(Collectors.joining("\n"));
            // The root: the portal's POST into intake, no parent.
            assertThat(spans).as(all).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("intake-service");
                assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER");
                assertThat(s.attribute("method")).isEqualTo("POST");
                assertThat(s.attribute("uri")).isEqualTo("/api/v1/petitions");
                assertThat(s.parentSpanId()).isEmpty();
            });
            assertThat(spans)
                    .as(all)
                    .filteredOn(s -> s.parentSpanId().isEmpty())
                    .hasSize(1);
            // Each service handled the petition's events inside the trace, and routing and notification published
            // theirs in it (the relay's span, named for the petition).
            for (String service : List.of("routing-service", "notification-service", "reporting-service")) {
                assertThat(spans)
                        .as(service + " consumed in the trace:\n" + all)
                        .anySatisfy(s -> {
                            assertThat(s.service()).isEqualTo(service);
                            assertThat(s.kind()).isEqualTo("SPAN_KIND_CONSUMER");
                            assertThat(s.name()).contains("gandan.");
                        });
            }
            for (String service : List.of("routing-service", "notification-service")) {
                assertThat(spans).as(service + " relayed in the trace:\n" + all).anySatisfy(s -> {
                    assertThat(s.service()).isEqualTo(service);
                    assertThat(s.name()).startsWith("outbox relay");
                    assertThat(s.attribute("gandan.petition.id")).isEqualTo(id);
                });
            }
            // Reporting heard of it from all three topics, intake's, routing's and notification's, in one trace.
            assertThat(spans.stream()
                            .filter(s -> s.service().equals("reporting-service"))
                            .filter(s -> s.kind().equals("SPAN_KIND_CONSUMER"))
                            .map(SpanCollector.ReceivedSpan::name))
                    .as(all)
                    .anySatisfy(n -> assertThat(n).contains(Topics.INTAKE_PETITIONS))
                    .anySatisfy(n -> assertThat(n).contains(Topics.ROUTING_CASES))
                    .anySatisfy(n -> assertThat(n).contains(Topics.NOTIFICATION_DELIVERIES));
        });

        // The same trace id in each service's log lines about the petition.
        for (ServiceProcess service : all()) {
            assertThat(service.logLines())
                    .as(service.name() + " logs petition " + id + " with trace " + trace)
                    .anySatisfy(line -> assertThat(line).contains(id).contains(trace));
        }
    }

    /**
     * Every metric a Grafana dashboard or a Prometheus alert names is served by some service: the dead-letter
     * counters once a poison record went by, the queue gauges once routing counted its queues.
     */
    private void theDashboardsAndAlertsUseOnlyMetricsTheServicesShow() {
        try (KafkaProbe probe = KafkaProbe.reading(Topics.deadLetter(Topics.ROUTING_GROUP))) {
            String poison = probe.sendPoison(Topics.INTAKE_PETITIONS);
            probe.await(KafkaProbe.withKey(poison), Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Set<String> exposed = new java.util.TreeSet<>();
                    for (ServiceProcess service : all()) {
                        for (String line : service.metrics().split("\n")) {
                            if (!line.isBlank() && !line.startsWith("#")) {
                                exposed.add(line.split("[{ ]", 2)[0]);
                            }
                        }
                    }
                    assertThat(MetricReferences.missing(exposed))
                            .as("named by a dashboard or alert, served by none")
                            .isEmpty();
                });
    }

    /** The meters each service must show, tagged with the service and the province (all, here). */
    private void everyServiceShowsItsMeters() {
        List<String> everywhere = List.of(
                "http_server_requests_seconds_count",
                "spring_kafka_listener_seconds_count",
                "kafka_consumer_fetch_manager_records_lag_max",
                "gandan_outbox_pending",
                "gandan_outbox_oldest_age_seconds");
        Map<ServiceProcess, List<String>> own = Map.of(
                intake, List.of("gandan_outbox_relay_seconds_count", "spring_kafka_template_seconds_count"),
                routing, List.of("gandan_outbox_relay_seconds_count", "spring_kafka_template_seconds_count"),
                notification,
                        List.of(
                                "gandan_outbox_relay_seconds_count",
                                "resilience4j_circuitbreaker_state",
                                "gandan_notification_dispatch_seconds_count"),
                reporting, List.of("gandan_reporting_projection_lag_seconds"));
        for (ServiceProcess service : all()) {
            List<String> lines = Arrays.asList(service.metrics().split("\n"));
            for (String name : Stream.concat(everywhere.stream(), own.get(service).stream())
                    .toList()) {
                assertThat(lines)
                        .as(service.name() + " " + name)
                        .filteredOn(line -> line.startsWith(name + "{"))
                        .isNotEmpty()
                        .allSatisfy(line -> assertThat(line)
                                .contains("service=\"" + service.name() + "\"")
                                .contains("province=\"all\""));
            }
        }
        assertThat(Arrays.asList(reporting.metrics().split("\n")))
                .filteredOn(line -> line.startsWith("gandan_reporting_projection_lag_seconds{"))
                .anySatisfy(line -> assertThat(line).contains("topic=\"" + Topics.ROUTING_CASES + "\""));
    }
}
