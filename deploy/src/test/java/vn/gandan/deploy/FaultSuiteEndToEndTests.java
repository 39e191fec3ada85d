package vn.gandan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.Topics;
import vn.gandan.testsupport.FreePorts;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.RestartableMongoServer;

/**
 * The fault suite: the four services as processes on a real Kafka broker process and a store, under a steady load
 * of petitions, through one fault after another: the broker killed and restarted, the store's connections lost and
 * restored, each service killed (SIGKILL) and restarted, a consumer rebalance (a second routing instance joining
 * and leaving), every event delivered again, and a poison record on every input topic. Then: every accepted
 * petition is routed exactly once, its responder notified exactly once, and reporting counts exactly the accepted
 * ones; every poison record is in the dead-letter topic of every group that reads its topic, with its reason.
 * After each fault (the load paused), reporting counts every petition accepted so far: nothing stuck or lost.
 */
class FaultSuiteEndToEndTests {

    private static final Logger log = LoggerFactory.getLogger(FaultSuiteEndToEndTests.class);

    /** The groups reading each input topic: a poison record there must reach each one's dead-letter topic. */
    static final Map<String, List<String>> READERS = Map.of(
            Topics.INTAKE_PETITIONS, List.of(Topics.ROUTING_GROUP, Topics.NOTIFICATION_GROUP, Topics.REPORTING_GROUP),
            Topics.ROUTING_CASES, List.of(Topics.INTAKE_GROUP, Topics.NOTIFICATION_GROUP, Topics.REPORTING_GROUP),
            Topics.NOTIFICATION_DELIVERIES, List.of(Topics.REPORTING_GROUP),
            Topics.INTAKE_CONTACTS, List.of(Topics.NOTIFICATION_GROUP));

    static KafkaProcess kafka;
    static RestartableMongoServer store;
    static final GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.pick(), "127.0.0.1", "smtp"));
    static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        kafka = KafkaProcess.start(Path.of("target", "faults", "kafka"));
        kafka.awaitReady(Duration.ofMinutes(2));
        store = RestartableMongoServer.start();
        smtp.start();
        for (String name : List.of("intake-service", "routing-service", "notification-service", "reporting-service")) {
            services.put(name, start(name));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    static ServiceProcess start(String name) throws Exception {
        return ServiceProcess.start(
                name,
                kafka.bootstrapServers(),
                store.uri(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                // each office gets a hundred or so new cases here: the anti-spam cap is not under test
                "--gandan.notification.daily-cap=100000");
    }

    @AfterAll
    static void stopTheSystem() {
        services.values().forEach(ServiceProcess::stop);
        smtp.stop();
        if (store != null) {
            store.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static ServiceProcess service(String name) {
        return services.get(name);
    }

    @Test
    void nothingAcceptedIsLostOrCountedTwiceThroughEveryFault() throws Exception {
        SteadyLoad load =
                new SteadyLoad(service("intake-service").http().withApiKey("demo-portal-key"), Duration.ofMillis(250));
        try {
            pause(Duration.ofSeconds(8));

            log.info("FAULT: the Kafka broker is killed");
            kafka.kill();
            pause(Duration.ofSeconds(10));
            kafka.start();
            kafka.awaitReady(Duration.ofMinutes(2));
            pause(Duration.ofSeconds(5));
            everythingAcceptedIsCounted(load, "the broker's restart");

            log.info("FAULT: the store's connections are lost");
            store.stop();
            pause(Duration.ofSeconds(8));
            store.restart();
            pause(Duration.ofSeconds(5));
            everythingAcceptedIsCounted(load, "the store's return");

            for (ServiceProcess victim : services.values()) {
                log.info("FAULT: {} is killed", victim.name());
                victim.kill();
                pause(Duration.ofSeconds(3));
                victim.restart();
                victim.awaitReady(Duration.ofMinutes(3));
                pause(Duration.ofSeconds(3));
                everythingAcceptedIsCounted(load, victim.name() + "'s restart");
            }

            log.info("FAULT: a second routing instance joins, then leaves (two rebalances)");
            ServiceProcess second = start("routing-service");
            second.awaitReady(Duration.ofMinutes(3));
            pause(Duration.ofSeconds(10));
            second.stop();
            pause(Duration.ofSeconds(3));
            everythingAcceptedIsCounted(load, "the rebalances");
        } finally {
            load.close();
        }
        Map<String, SteadyLoad.Accepted> accepted = load.accepted();
        log.info(
                "{} petitions accepted in {} attempts ({} refused or unanswered)",
                accepted.size(),
                load.attempts(),
                load.refusals());
        assertThat(accepted).hasSizeGreaterThan(50);
        assertThat(load.refusals()).as("the faults were felt by the portal").isPositive();

        log.info("FAULT: every event delivered again");
        int copies = deliverEverythingAgain();
        assertThat(copies).isGreaterThan(accepted.size() * 2);

        log.info("FAULT: a poison record on every input topic");
        Map<String, String> poison = new HashMap<>();
        try (KafkaProbe probe = KafkaProbe.readingAt(kafka.bootstrapServers(), Topics.INTAKE_PETITIONS)) {
            READERS.keySet().forEach(topic -> poison.put(topic, probe.sendPoison(topic)));
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> everyPetitionRoutedNotifiedAndCountedOnce(accepted));
        routedExactlyOnceOnTheTopic(accepted);
        poisonInEveryReadersDeadLetterTopic(poison);
        assertThat(services.values()).allSatisfy(s -> assertThat(
                        s.http().get("/actuator/health/liveness").status())
                .as(s.name())
                .isEqualTo(200));
    }

    /**
     * After each fault, with the load paused: reporting, the end of the pipeline, counts every petition accepted so
     * far, and no other. The detailed checks of every petition come after the last fault.
     */
    void everythingAcceptedIsCounted(SteadyLoad load, String after) throws InterruptedException {
        load.pause();
        try {
            long accepted = load.accepted().size();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() ->
                            assertThat(counted()).as("counted after " + after).isEqualTo(accepted));
        } finally {
            load.resume();
        }
    }

    long counted() {
        return service("reporting-service")
                .http()
                .withBasic("analyst", "analyst")
                .get("/api/v1/reports/summary")
                .json()
                .get("total")
                .asLong();
    }

    /** Through each service's own API, and the mail server. */
    void everyPetitionRoutedNotifiedAndCountedOnce(Map<String, SteadyLoad.Accepted> accepted) throws Exception {
        var operator = service("routing-service").http().withBasic("operator", "operator");
        var notifications = service("notification-service").http().withBasic("operator", "operator");
        var intake = service("intake-service").http().withApiKey("demo-portal-key");
        Map<String, Integer> mails = mailsByTrackingCode(accepted.values().stream()
                .map(SteadyLoad.Accepted::trackingCode)
                .collect(java.util.stream.Collectors.toSet()));
        List<String> wrong = new ArrayList<>();
        for (SteadyLoad.Accepted petition : accepted.values()) {
            if (intake.get("/api/v1/petitions/" + petition.id()).status() != 200) {
                wrong.add(petition.id() + ": unknown to intake");
                continue;
            }
            JsonNode routed = operator.get("/api/v1/cases/" + petition.id()).json();
            if (!"ubnd-%s"
                    .formatted(petition.commune())
                    .equals(routed.path("authority").path("id").asString())) {
                wrong.add(petition.id() + ": routed " + routed);
                continue;
            }
            JsonNode nudges = notifications
                    .get("/api/v1/notifications?petitionId=" + petition.id())
                    .json();
            long sent = 0;
            for (JsonNode nudge : nudges) {
                if (nudge.get("status").asString().equals("sent")) {
                    sent++;
                }
            }
            if (nudges.size() != 1 || sent != 1) {
                wrong.add(petition.id() + ": notifications " + nudges);
            }
            int delivered = mails.getOrDefault(petition.trackingCode(), 0);
            if (delivered != 1) {
                wrong.add(petition.id() + ": " + delivered + " distinct mails for " + petition.trackingCode());
            }
        }
        assertThat(wrong)
                .as("petitions not routed, notified or known exactly once")
                .isEmpty();
        assertThat(counted()).as("counted by reporting").isEqualTo(accepted.size());
    }

    /**
     * Distinct messages (by Message-ID, the delivery's id) that quote each tracking code: a crash between sending
     * and recording a mail may send it again, with the same Message-ID, which mail clients collapse into one.
     */
    static Map<String, Integer> mailsByTrackingCode(Set<String> trackingCodes) throws MessagingException {
        Map<String, Set<String>> ids = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String subject = message.getSubject() == null ? "" : message.getSubject();
            for (String code : trackingCodes) {
                if (subject.contains(code)) {
                    ids.computeIfAbsent(code, k -> new HashSet<>()).add(message.getMessageID());
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach((code, messageIds) -> counts.put(code, messageIds.size()));
        return counts;
    }

    /** One routed event (by event id) per accepted petition on the cases topic, none for anything else. */
    void routedExactlyOnceOnTheTopic(Map<String, SteadyLoad.Accepted> accepted) {
        Map<String, Set<String>> routedEvents = new TreeMap<>();
        try (KafkaProbe cases = KafkaProbe.readingAt(kafka.bootstrapServers(), Topics.ROUTING_CASES)) {
            for (ConsumerRecord<String, byte[]> record : cases.records(Duration.ofSeconds(5))) {
                if (KafkaProbe.header(record, "ce_type").orElse("").equals("vn.gandan.petition.routed.v1")) {
                    routedEvents
                            .computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(KafkaProbe.header(record, "ce_id").orElseThrow());
                }
            }
        }
        assertThat(routedEvents.keySet()).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        assertThat(routedEvents)
                .allSatisfy((id, events) -> assertThat(events).as(id).hasSize(1));
    }

    /** The poison records, each in the dead-letter topic of every group reading its topic; nothing else is. */
    void poisonInEveryReadersDeadLetterTopic(Map<String, String> poison) {
        List<String> groups =
                List.of(Topics.INTAKE_GROUP, Topics.ROUTING_GROUP, Topics.NOTIFICATION_GROUP, Topics.REPORTING_GROUP);
        for (String group : groups) {
            try (KafkaProbe dlt = KafkaProbe.readingAt(kafka.bootstrapServers(), Topics.deadLetter(group))) {
                assertThat(dlt.records(Duration.ofSeconds(3)))
                        .as("%s dead-lettered only poison", group)
                        .allSatisfy(record -> assertThat(poison.values()).contains(record.key()));
            }
        }
        for (var topic : poison.entrySet()) {
            for (String group : READERS.get(topic.getKey())) {
                try (KafkaProbe dlt = KafkaProbe.readingAt(kafka.bootstrapServers(), Topics.deadLetter(group))) {
                    var record = dlt.await(KafkaProbe.withKey(topic.getValue()), Duration.ofSeconds(60));
                    assertThat(KafkaProbe.header(record, "gandan_dlt-reason"))
                            .as("%s's dead letter from %s", group, topic.getKey())
                            .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
                }
            }
        }
    }

    /** Every record of the three petition topics written again, as a producer retry or a replay would. */
    int deliverEverythingAgain() throws Exception {
        List<String> topics = List.of(Topics.INTAKE_PETITIONS, Topics.ROUTING_CASES, Topics.NOTIFICATION_DELIVERIES);
        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaProbe all = KafkaProbe.readingAt(kafka.bootstrapServers(), topics.toArray(String[]::new))) {
            records = all.records(Duration.ofSeconds(5));
        }
        try (var producer = new KafkaProducer<String, byte[]>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                var copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
                record.headers().forEach(h -> copy.headers().add(h));
                sent.add(producer.send(copy));
            }
            for (var future : sent) {
                future.get();
            }
        }
        return records.size();
    }

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
