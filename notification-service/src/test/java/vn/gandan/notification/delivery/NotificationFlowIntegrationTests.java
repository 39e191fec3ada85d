package vn.gandan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.CitizenNotificationsConsented;
import vn.gandan.events.CitizenNotificationsWithdrawn;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionDeadlineApproaching;
import vn.gandan.events.PetitionEscalated;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionOverdue;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.events.Topics;
import vn.gandan.notification.channel.FakeProvider;
import vn.gandan.testsupport.FreePorts;
import vn.gandan.testsupport.Http;
import vn.gandan.testsupport.KafkaProbe;
import vn.gandan.testsupport.MutableClock;
import vn.gandan.testsupport.OnePoll;
import vn.gandan.testsupport.RealInfrastructure;
import vn.gandan.testsupport.StoreCommands;

/**
 * The whole service on real Kafka and MongoDB, with a real SMTP server (GreenMail) and real HTTP servers for the
 * SMS gateway and a portal's webhook, and time moved by hand (forward only): what arrives, once, with the right
 * words; what waits (quiet hours, digests, an open circuit) and then arrives; what fails, visibly, and is retried;
 * a crash mid-send that loses and repeats nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gandan.notification.dispatch.poll-interval=100ms",
            // One at a time, so that which message meets the circuit in which state is the test's to say.
            "gandan.notification.dispatch.workers=1",
            "gandan.notification.dispatch.lease=30s",
            "gandan.notification.digest-window=5m",
            "gandan.notification.quiet-hours.start=21:00",
            "gandan.notification.quiet-hours.end=07:00",
            "gandan.notification.rules[0].event=routed",
            "gandan.notification.rules[0].audience=responder",
            "gandan.notification.rules[0].channels=email",
            "gandan.notification.rules[0].purpose=new_case",
            "gandan.notification.rules[1].event=deadline_approaching",
            "gandan.notification.rules[1].audience=responder",
            "gandan.notification.rules[1].channels=email",
            "gandan.notification.rules[1].purpose=deadline_approaching",
            "gandan.notification.rules[1].digest=true",
            "gandan.notification.rules[2].event=overdue",
            "gandan.notification.rules[2].audience=responder",
            "gandan.notification.rules[2].channels=sms",
            "gandan.notification.rules[2].purpose=overdue",
            "gandan.notification.rules[3].event=escalated",
            "gandan.notification.rules[3].audience=supervisor",
            "gandan.notification.rules[3].channels=sms",
            "gandan.notification.rules[3].purpose=escalation",
            "gandan.notification.rules[3].urgent=true",
            "gandan.notification.rules[4].event=*",
            "gandan.notification.rules[4].audience=portal",
            "gandan.notification.rules[4].channels=webhook",
            "gandan.notification.rules[4].purpose=status_change",
            "gandan.notification.rules[5].event=received",
            "gandan.notification.rules[5].audience=citizen",
            "gandan.notification.rules[5].channels=sms,email",
            "gandan.notification.rules[5].purpose=citizen_received",
            "gandan.notification.rules[6].event=routed",
            "gandan.notification.rules[6].audience=citizen",
            "gandan.notification.rules[6].channels=sms,email",
            "gandan.notification.rules[6].purpose=citizen_routed",
            "gandan.notification.rules[7].event=resolved",
            "gandan.notification.rules[7].audience=citizen",
            "gandan.notification.rules[7].channels=sms,email",
            "gandan.notification.rules[7].purpose=citizen_resolved",
            "gandan.notification.contacts.authorities.ubnd-17605[0].role=responder",
            "gandan.notification.contacts.authorities.ubnd-17605[0].phone=+84912345678",
            "gandan.notification.contacts.authorities.ubnd-40[0].role=supervisor",
            "gandan.notification.contacts.authorities.ubnd-40[0].phone=+84913000111",
            "gandan.notification.channels.sms.token=sms-test-token",
            "gandan.notification.channels.sms.resilience.retry.max-attempts=2",
            "gandan.notification.channels.sms.resilience.retry.initial-wait=10ms",
            // Two failures among the last four calls are not enough to open the circuit; four are.
            "gandan.notification.channels.sms.resilience.circuit-breaker.failure-rate=75",
            "gandan.notification.channels.sms.resilience.circuit-breaker.minimum-calls=4",
            "gandan.notification.channels.sms.resilience.circuit-breaker.sliding-window=4",
            "gandan.notification.channels.sms.resilience.circuit-breaker.wait-in-open=1s",
            "gandan.notification.channels.sms.resilience.circuit-breaker.half-open-calls=1"
        })
@ActiveProfiles("local")
@RealInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationFlowIntegrationTests {

    /** 22:00 in Viet Nam on Wednesday 2 December 2026: quiet hours for SMS. */
    static final Instant EVENING = Instant.parse("2026-12-02T15:00:00Z");

    static final MutableClock clock = new MutableClock(EVENING);
    static final GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.pick(), "127.0.0.1", "smtp"));
    static final FakeProvider smsGateway = new FakeProvider();
    static final FakeProvider portal = new FakeProvider();
    static final String SECRET = "portal-secret-1234567890";

    static final AuthorityRef HOP_MINH = new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605");
    static final AuthorityRef VAN_TU = new AuthorityRef("ubnd-17611", "Ủy ban nhân dân Xã Vân Tụ", "17611");
    static final AuthorityRef NGHE_AN = new AuthorityRef("ubnd-40", "Ủy ban nhân dân Tỉnh Nghệ An", "40");

    static KafkaProbe deliveriesTopic;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add(
                "gandan.notification.channels.sms.url",
                () -> smsGateway.uri("/sms").toString());
    }

    @BeforeAll
    static void start() {
        smtp.start();
        deliveriesTopic = KafkaProbe.reading(Topics.NOTIFICATION_DELIVERIES);
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        smsGateway.close();
        portal.close();
        deliveriesTopic.close();
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    PetitionFactsStore facts;

    @Autowired
    CitizenContactsStore contacts;

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryRecorder recorder;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    DeliveryDispatcher dispatcher;

    @Autowired
    DigestBook digests;

    @Autowired
    NotificationPlanner planner;

    @Autowired
    DeliveryGate gate;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry containers;

    @LocalServerPort
    int port;

    static String subscription;

    void publish(PetitionEvent event) throws Exception {
        kafka.send(event.type().topic(), event.petitionId().toString(), event).get();
    }

    /** A petition intake has told us of, so messages can quote its tracking code and title. */
    PetitionId submitted(String trackingCode, String title) throws Exception {
        PetitionId id = PetitionId.random();
        publish(submittedEvent(id, trackingCode, title));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts.existsById(id.toString()));
        return id;
    }

    PetitionSubmitted submittedEvent(PetitionId id, String trackingCode, String title) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                clock.instant(),
                trackingCode,
                "portal:nghe-an-demo",
                PetitionKind.RECOMMENDATION,
                "infrastructure.drainage",
                Channel.PORTAL,
                clock.instant(),
                new Place("40", "17605"),
                title,
                "Nước ngập ngã tư.",
                null);
    }

    /** The nudge the digest tests send: the reply to a petition is due in two days. */
    void deadlineNear(PetitionId id, AuthorityRef office) throws Exception {
        publish(new PetitionDeadlineApproaching(
                UUID.randomUUID(), id, clock.instant(), office, due("2026-12-04T16:59:59Z")));
    }

    static Deadline due(String isoDueAt) {
        return new Deadline("reply", Instant.parse(isoDueAt), "recommendation.reply@2014-07-01");
    }

    List<Delivery> deliveriesOf(PetitionId id) {
        return deliveries.findByPetitionIdOrderByCreatedAt(id.toString());
    }

    /** Waits up to 20 s, and says what the store held about these petitions if it waited in vain. */
    org.awaitility.core.ConditionFactory awaiting(PetitionId... ids) {
        return await().atMost(Duration.ofSeconds(20)).conditionEvaluationListener(condition -> {
            if (!condition.isSatisfied() && condition.getRemainingTimeInMS() < 300) {
                for (PetitionId id : ids) {
                    System.out.println("Still waiting: " + described(id));
                }
            }
        });
    }

    /** What the store holds about a petition's deliveries, for a failing assertion to show. */
    String described(PetitionId id) {
        return deliveriesOf(id).stream()
                        .map(d -> d.getChannel() + "/" + d.getPurpose() + "/" + d.getStatus() + "/" + d.getLastError()
                                + "/" + d.getNextAttemptAt() + "/" + d.getAttempts())
                        .toList()
                + " at " + clock.instant();
    }

    /** The petition's delivery on a channel (every event also goes to the province's portal by webhook). */
    Delivery on(String channel, PetitionId id) {
        return deliveriesOf(id).stream()
                .filter(d -> d.getChannel().equals(channel))
                .findFirst()
                .orElse(null);
    }

    static List<MimeMessage> mailTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void aRoutedPetitionEmailsTheResponderOnceAndPostsASignedCloudEventToThePortal() throws Exception {
        var created = Http.at(port)
                .withApiKey("demo-portal-key")
                .post(
                        "/api/v1/webhooks",
                        "{\"url\":\"" + portal.uri("/gandan/events") + "\",\"secret\":\"" + SECRET + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        subscription = created.json().get("id").asString();

        PetitionId id = submitted("40-FLOOD001", "Ngã tư xóm 3 ngập sâu");
        var routed = new PetitionRouted(
                UUID.randomUUID(),
                id,
                clock.instant(),
                HOP_MINH,
                new Place("40", "17605"),
                "commune-people-committee",
                1,
                due("2026-12-16T16:59:59Z"));
        publish(routed);
        publish(routed); // redelivered: nothing twice

        await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo("ubnd-17605@thu-nghiem.gandan.vn").size() >= 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> portal.received().size() >= 1);
        var sent = deliveriesTopic.recordsWithKey(id.toString(), Duration.ofSeconds(2));
        assertThat(sent).hasSize(2);

        MimeMessage mail = mailTo("ubnd-17605@thu-nghiem.gandan.vn").get(0);
        assertThat(mail.getSubject()).isEqualTo("Vụ việc mới 40-FLOOD001: Ngã tư xóm 3 ngập sâu");
        assertThat(body(mail)).contains("Ủy ban nhân dân Xã Hợp Minh").contains("Hạn trả lời: 16/12/2026");
        String deliveryId = on("email", id).getId();
        assertThat(mail.getMessageID()).contains(deliveryId);

        var call = portal.received().get(0);
        assertThat(call.header("ce-type")).isEqualTo("vn.gandan.petition.routed.v1");
        assertThat(call.header("ce-id")).isEqualTo(routed.eventId().toString());
        assertThat(call.header("ce-subject")).isEqualTo(id.toString());
        String timestamp = call.header("x-gandan-timestamp");
        assertThat(call.header("x-gandan-signature")).isEqualTo("v1=" + hmac(SECRET, timestamp + "." + call.body()));
        assertThat(call.body()).contains("\"ruleId\":\"commune-people-committee\"");
        assertThat(mailTo("ubnd-17605@thu-nghiem.gandan.vn")).hasSize(1);
        assertThat(portal.received()).hasSize(1);
    }

    @Test
    @Order(2)
    void smsWaitsOutQuietHoursButAnEscalationGoesAtOnce() throws Exception {
        PetitionId id = submitted("40-LATE0002", "Đèn đường hỏng");
        publish(new PetitionOverdue(UUID.randomUUID(), id, clock.instant(), HOP_MINH, due("2026-12-02T16:59:59Z")));
        publish(new PetitionEscalated(
                UUID.randomUUID(), id, clock.instant(), HOP_MINH, NGHE_AN, due("2026-12-16T16:59:59Z"), "Quá hạn."));

        await().atMost(Duration.ofSeconds(20)).until(() -> smsGateway.received().stream()
                .anyMatch(r -> r.body().contains("+84913000111")));
        Delivery held = awaiting(id)
                .until(
                        () -> deliveriesOf(id).stream()
                                .filter(d -> d.getPurpose().equals("overdue"))
                                .findFirst()
                                .orElse(null),
                        d -> d != null && "quiet_hours".equals(d.getLastError()));
        assertThat(held.getStatus()).isEqualTo(Delivery.PENDING);
        // 07:00 the next morning in Viet Nam.
        assertThat(held.getNextAttemptAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(smsGateway.received()).noneMatch(r -> r.body().contains("+84912345678"));

        clock.set(Instant.parse("2026-12-03T00:00:01Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> smsGateway.received().stream()
                .anyMatch(r -> r.body().contains("+84912345678")));
        var morning = smsGateway.received().stream()
                .filter(r -> r.body().contains("+84912345678"))
                .toList();
        assertThat(morning).singleElement().satisfies(r -> {
            assertThat(r.body()).contains("40-LATE0002").contains("đã quá hạn ngày 02/12/2026");
            assertThat(r.header("authorization")).isEqualTo("Bearer sms-test-token");
            assertThat(r.header("idempotency-key")).isEqualTo(held.getId());
        });
    }

    @Test
    @Order(3)
    void nudgesToOneOfficeWithinTheWindowGoOutAsOneDigest() throws Exception {
        PetitionId first = submitted("40-DIGEST01", "Rác thải ven kênh");
        PetitionId second = submitted("40-DIGEST02", "Ổ gà đường liên xóm");
        deadlineNear(first, VAN_TU);
        deadlineNear(second, VAN_TU);
        await().atMost(Duration.ofSeconds(20)).until(() -> on("email", second) != null);
        Thread.sleep(500);
        assertThat(mailTo("ubnd-17611@thu-nghiem.gandan.vn")).isEmpty();

        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo("ubnd-17611@thu-nghiem.gandan.vn").size() >= 1);
        Thread.sleep(500);
        List<MimeMessage> mail = mailTo("ubnd-17611@thu-nghiem.gandan.vn");
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("2 cập nhật về vụ việc của cơ quan");
        assertThat(body(mail.get(0))).contains("40-DIGEST01").contains("40-DIGEST02");
        Delivery a = on("email", first);
        Delivery b = on("email", second);
        assertThat(a.getStatus()).isEqualTo(Delivery.SENT);
        assertThat(a.getSentIn()).isNotNull().isEqualTo(b.getSentIn());
    }

    @Test
    @Order(4)
    void aFailingGatewayFailsVisiblyThenTheCircuitHoldsOthersUntilItClosesAndEachArrivesOnce() throws Exception {
        // Down for three calls: the first message fails after its two attempts (two failures in the last four
        // calls keep the circuit closed); the next one's first failure makes three and opens it.
        smsGateway.thenAnswer(
                FakeProvider.Answer.status(500), FakeProvider.Answer.status(500), FakeProvider.Answer.status(500));
        PetitionId failing = submitted("40-SMS00001", "Cống vỡ");
        publish(new PetitionOverdue(
                UUID.randomUUID(), failing, clock.instant(), HOP_MINH, due("2026-12-02T16:59:59Z")));
        Delivery failed = awaiting(failing)
                .until(() -> on("sms", failing), d -> d != null && d.getStatus().equals(Delivery.FAILED));
        assertThat(failed.getAttempts()).isEqualTo(2);
        assertThat(failed.getLastError()).doesNotContain("+84912345678");
        var failedEvent = deliveriesTopic.await(
                r -> failing.toString().equals(r.key())
                        && KafkaProbe.header(r, "ce_type").orElse("").equals("vn.gandan.notification.failed.v1"),
                Duration.ofSeconds(20));
        assertThat(new String(failedEvent.value(), StandardCharsets.UTF_8)).doesNotContain("+8491");

        // The circuit opens during the next message's attempts: it waits instead of failing.
        PetitionId waiting = submitted("40-SMS00002", "Cống vỡ lần hai");
        publish(new PetitionOverdue(
                UUID.randomUUID(), waiting, clock.instant(), HOP_MINH, due("2026-12-02T16:59:59Z")));
        Delivery deferred =
                awaiting(waiting).until(() -> on("sms", waiting), d -> d != null && d.getLastError() != null);
        assertThat(deferred.getStatus()).isEqualTo(Delivery.PENDING);

        // Operators see the failure and ask for another try; the gateway is healthy again by then.
        var operator = Http.at(port).withBasic("operator", "operator");
        JsonNode failures = operator.get("/api/v1/deliveries?status=failed").json();
        assertThat(failures.findValuesAsString("id")).contains(failed.getId());
        assertThat(operator.post("/api/v1/deliveries/" + failed.getId() + "/retry", "")
                        .status())
                .isEqualTo(200);
        Thread.sleep(1_100); // the breaker's own wait in the open state
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));

        awaiting(failing, waiting)
                .until(() -> deliveries
                                .findById(failed.getId())
                                .orElseThrow()
                                .getStatus()
                                .equals(Delivery.SENT)
                        && deliveries
                                .findById(deferred.getId())
                                .orElseThrow()
                                .getStatus()
                                .equals(Delivery.SENT));
        assertThat(operator.post("/api/v1/deliveries/" + failed.getId() + "/retry", "")
                        .status())
                .isEqualTo(409);
        Map<String, Long> okByKey = smsGateway.received().stream()
                .filter(r -> r.body().contains("40-SMS0000"))
                .collect(java.util.stream.Collectors.groupingBy(
                        r -> r.header("idempotency-key"), java.util.stream.Collectors.counting()));
        assertThat(okByKey).containsKeys(failed.getId(), deferred.getId());
        // One NotificationSent each for the SMS and for the portal's webhook: none twice.
        assertThat(deliveriesTopic.recordsWithKey(waiting.toString(), Duration.ofSeconds(1)))
                .hasSize(2);
    }

    @Test
    @Order(5)
    void aCrashMidSendLosesAndRepeatsNothing() throws Exception {
        PetitionId id = submitted("40-CRASH001", "Sạt lở bờ kênh");
        var routed = new PetitionRouted(
                UUID.randomUUID(),
                id,
                clock.instant(),
                VAN_TU,
                new Place("40", "17611"),
                "r",
                1,
                due("2026-12-17T16:59:59Z"));
        // An instance recorded the delivery, took its lease and died before sending. This instance's dispatcher
        // is held meanwhile: it would otherwise claim the entry first, as a live survivor may.
        List<Intent> intents = planner.plan(routed).stream()
                .filter(i -> i.channel().equals("email"))
                .toList();
        String deliveryId =
                NotificationPlanner.deliveryId(routed.eventId().toString(), "authority:ubnd-17611", "email");
        dispatcher.stop();
        try {
            assertThat(recorder.record(intents)).isEqualTo(1);
            var entry = queue.due(1000).stream()
                    .filter(e -> e.id().equals(deliveryId))
                    .findFirst()
                    .orElseThrow();
            assertThat(queue.claim(List.of(entry), "instance-that-died", Duration.ofSeconds(30)))
                    .extracting(DeliveryQueue.Entry::id)
                    .containsExactly(deliveryId);
        } finally {
            dispatcher.start();
        }
        Thread.sleep(500);
        assertThat(deliveries.findById(deliveryId).orElseThrow().getStatus()).isEqualTo(Delivery.PENDING);

        // When its lease runs out, the survivors send it, once.
        clock.set(clock.instant().plus(Duration.ofSeconds(31)));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries
                .findById(deliveryId)
                .orElseThrow()
                .getStatus()
                .equals(Delivery.SENT));
        // Crashed after sending but before clearing its queue entry: found sent, not sent again.
        queue.dueBy(deliveryId, clock.instant());
        Thread.sleep(1_000);
        assertThat(mailTo("ubnd-17611@thu-nghiem.gandan.vn").stream()
                        .filter(m -> subject(m).contains("40-CRASH001")))
                .hasSize(1);
        // A replay of the event records nothing new.
        assertThat(recorder.record(intents)).isZero();

        // A queue entry is written before its delivery: one seen in between is not given up.
        PetitionId late = submitted("40-CRASH002", "Sạt lở lần hai");
        var routedLate = new PetitionRouted(
                UUID.randomUUID(),
                late,
                clock.instant(),
                VAN_TU,
                new Place("40", "17611"),
                "r",
                1,
                due("2026-12-17T16:59:59Z"));
        List<Intent> lateIntents = planner.plan(routedLate).stream()
                .filter(i -> i.channel().equals("email"))
                .toList();
        String lateId =
                NotificationPlanner.deliveryId(routedLate.eventId().toString(), "authority:ubnd-17611", "email");
        queue.dueBy(lateId, clock.instant());
        Thread.sleep(500); // the dispatcher finds the entry, without its delivery, several times
        assertThat(recorder.record(lateIntents)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        deliveries.findById(lateId).orElseThrow().getStatus().equals(Delivery.SENT));
    }

    @Test
    @Order(6)
    void aPortalGetsItsEventsAgainWhenItAsks() throws Exception {
        int before = portal.received().size();
        var asked = Http.at(port)
                .withApiKey("demo-portal-key")
                .post(
                        "/api/v1/webhooks/" + subscription + "/redeliver",
                        "{\"since\":\"" + EVENING.minusSeconds(60) + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        int queued = asked.json().get("queued").asInt();
        assertThat(queued).isPositive();

        await().atMost(Duration.ofSeconds(20)).until(() -> portal.received().size() >= before + queued);
        var again = portal.received().subList(before, portal.received().size());
        assertThat(again).anyMatch(r -> r.header("ce-type").equals("vn.gandan.petition.routed.v1"));
        // The same events, so the portal can tell them apart from new ones by their ids.
        assertThat(again.stream().map(r -> r.header("ce-id")))
                .isSubsetOf(portal.received().subList(0, before).stream()
                        .map(r -> r.header("ce-id"))
                        .toList());
    }

    @Test
    @Order(7)
    void aCitizenWhoAgreedHearsOnTheirChannelAndNothingOnceTheyWithdraw() throws Exception {
        PetitionId id = submitted("40-CITIZEN1", "Cống tắc trước nhà");
        String phone = "+84987654321";
        publish(new CitizenNotificationsConsented(
                UUID.randomUUID(), id, clock.instant(), "40-CITIZEN1", "vi", null, phone, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(phone).size() >= 1);
        assertThat(smsTo(phone).get(0).body()).contains("đã được tiếp nhận, mã tra cứu 40-CITIZEN1");

        publish(new PetitionRouted(
                UUID.randomUUID(),
                id,
                clock.instant(),
                HOP_MINH,
                new Place("40", "17605"),
                "r",
                1,
                due("2026-12-17T16:59:59Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(phone).size() >= 2);
        assertThat(smsTo(phone).get(1).body())
                .contains("40-CITIZEN1")
                .contains("Ủy ban nhân dân Xã Hợp Minh")
                .contains("hạn trả lời 17/12/2026");
        // No e-mail: the citizen chose SMS only.
        assertThat(on("email", id).getAudience()).isEqualTo("responder");

        publish(new CitizenNotificationsWithdrawn(UUID.randomUUID(), id, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !contacts.existsById(id.toString()));
        publish(new PetitionResolved(UUID.randomUUID(), id, clock.instant(), HOP_MINH, "Đã nạo vét cống."));
        Thread.sleep(1_500);
        assertThat(smsTo(phone)).hasSize(2);
        assertThat(deliveriesOf(id)).noneMatch(d -> d.getPurpose().equals("citizen_resolved"));
    }

    @Test
    @Order(8)
    void beyondTheDailyCapARecipientsMessagesWaitForTheNextMorningButUrgentOnesGo() throws Exception {
        PetitionId id = submitted("40-CAP00001", "Nhiều tin nhắn");
        var overdue = new PetitionOverdue(UUID.randomUUID(), id, clock.instant(), VAN_TU, due("2026-12-02T16:59:59Z"));
        var intent = new Intent(
                id.toString(),
                "40",
                overdue.eventId().toString(),
                "overdue",
                "overdue",
                "responder",
                "authority:ubnd-17611",
                "sms",
                "+84915000222",
                null,
                null,
                java.util.Locale.forLanguageTag("vi"),
                "overdue",
                NotificationPlanner.facts(overdue, VAN_TU),
                null,
                false,
                false);
        Delivery probe = new Delivery(intent, "probe", clock.instant());
        // 40 workers reach for the office's places at once: the cap of 20 holds, every place is taken once.
        ExecutorService workers = Executors.newFixedThreadPool(40);
        List<Future<DeliveryGate.Hold>> reached = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reached.add(workers.submit(() -> gate.reserve(probe, clock.instant())));
        }
        long taken = 0;
        for (Future<DeliveryGate.Hold> each : reached) {
            taken += each.get() == null ? 1 : 0;
        }
        workers.shutdown();
        assertThat(taken).as("places taken out of 40 attempts").isEqualTo(20);
        gate.release(probe, clock.instant());
        assertThat(gate.reserve(probe, clock.instant()))
                .as("a place given back is taken again")
                .isNull();

        DeliveryGate.Hold hold = gate.reserve(probe, clock.instant());

        assertThat(hold).isNotNull();
        assertThat(hold.reason()).isEqualTo("daily_cap");
        // 07:00 the next morning in Viet Nam.
        assertThat(hold.until()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        Delivery urgent = new Delivery(
                new Intent(
                        id.toString(),
                        "40",
                        "e2",
                        "escalated",
                        "escalation",
                        "supervisor",
                        "authority:ubnd-17611",
                        "sms",
                        "+84915000222",
                        null,
                        null,
                        java.util.Locale.forLanguageTag("vi"),
                        "escalation",
                        Map.of(),
                        null,
                        false,
                        true),
                "urgent",
                clock.instant());
        assertThat(gate.check(urgent, clock.instant())).isNull();
        assertThat(gate.reserve(urgent, clock.instant()))
                .as("urgent: past the cap")
                .isNull();
    }

    @Test
    @Order(9)
    void aPoisonEventEndsInTheDeadLetterTopicWithItsReason() {
        try (KafkaProbe deadLetters = KafkaProbe.reading(Topics.deadLetter(Topics.NOTIFICATION_GROUP))) {
            String key = deadLetters.sendPoison(Topics.ROUTING_CASES);

            var dead = deadLetters.await(KafkaProbe.withKey(key), Duration.ofSeconds(30));
            assertThat(KafkaProbe.header(dead, "gandan_dlt-reason"))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("unknown event type"));
        }
    }

    @Test
    @Order(10)
    void aDigestSentAgainAfterACrashIsTheSameMessageAndALaterNudgeWaitsForTheNext() throws Exception {
        PetitionId first = submitted("40-DIGRPT01", "Đèn đường hỏng");
        PetitionId second = submitted("40-DIGRPT02", "Cây đổ chắn lối");
        deadlineNear(first, HOP_MINH);
        deadlineNear(second, HOP_MINH);
        awaiting(first, second).until(() -> on("email", first) != null && on("email", second) != null);
        String key = on("email", first).getDigestKey();
        List<String> composition =
                List.of(on("email", first).getId(), on("email", second).getId());
        // An instance composed the digest of these two, sent it and died before marking them sent.
        digests.sending(key, composition);

        PetitionId later = submitted("40-DIGRPT03", "Mương tắc");
        deadlineNear(later, HOP_MINH);
        awaiting(later).until(() -> on("email", later) != null);

        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        String digestId = NotificationPlanner.deliveryId(
                key, composition.stream().sorted().collect(java.util.stream.Collectors.joining(",")), "digest");
        // The mail server has the message a moment before the dispatcher records its members sent.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !mailWithDelivery(digestId).isEmpty()
                        && on("email", first).getSentIn() != null);
        MimeMessage again = mailWithDelivery(digestId).get(0);
        assertThat(subject(again)).isEqualTo("2 cập nhật về vụ việc của cơ quan");
        assertThat(body(again)).contains("40-DIGRPT01").contains("40-DIGRPT02").doesNotContain("40-DIGRPT03");
        assertThat(on("email", first).getSentIn()).isEqualTo(digestId);
        assertThat(on("email", later).getStatus()).isEqualTo(Delivery.PENDING);

        // The later one goes in the next window, as itself.
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        String laterId = on("email", later).getId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !mailWithDelivery(laterId).isEmpty());
        assertThat(body(mailWithDelivery(laterId).get(0))).contains("40-DIGRPT03");
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> body(m).contains("40-DIGRPT01")))
                .hasSize(1);
    }

    @Test
    @Order(11)
    void noRuleReachesAnyoneAboutAPetitionImportedFromAPortalsRecords() {
        PetitionId id = PetitionId.random();
        var place = new Place("40", "17605");
        // Every audience there is: the office, the portal subscribed in the first test, a citizen who agreed.
        contacts.save(new CitizenContacts(id.toString(), "vi", null, "+84987000111", null));
        try {
            var routed = new PetitionRouted(UUID.randomUUID(), id, clock.instant(), HOP_MINH, place, "r", 1, null);
            var failed = new PetitionRoutingFailed(
                    UUID.randomUUID(), id, clock.instant(), place, "no_matching_rule", "Không có quy tắc.");
            assertThat(planner.plan(routed)).extracting(Intent::audience).contains("responder", "portal", "citizen");
            assertThat(planner.plan(failed)).extracting(Intent::audience).contains("portal");

            assertThat(planner.plan(new PetitionRouted(
                            routed.eventId(), id, routed.occurredAt(), HOP_MINH, place, "r", 1, null, true)))
                    .isEmpty();
            assertThat(planner.plan(new PetitionRoutingFailed(
                            failed.eventId(), id, failed.occurredAt(), place, failed.reason(), failed.detail(), true)))
                    .isEmpty();
        } finally {
            contacts.deleteById(id.toString());
        }
    }

    @Test
    @Order(12)
    void aPetitionImportedFromAPortalsRecordsIsKeptNowhereAndSentToNoOne() throws Exception {
        var place = new Place("40", "17605");
        PetitionId historical = PetitionId.random();
        var submitted = new PetitionSubmitted(
                UUID.randomUUID(),
                historical,
                clock.instant(),
                "40-HIST0001",
                "portal:nghe-an-demo",
                PetitionKind.RECOMMENDATION,
                "infrastructure.drainage",
                Channel.PORTAL,
                Instant.parse("2022-03-01T02:00:00Z"),
                place,
                "Cống ngập năm 2022",
                "Nước ngập ngã tư.",
                null,
                null,
                null,
                Map.of(),
                true);
        var routed =
                new PetitionRouted(UUID.randomUUID(), historical, clock.instant(), HOP_MINH, place, "r", 1, null, true);
        int partition = kafka.send(Topics.INTAKE_PETITIONS, historical.toString(), submitted)
                .get()
                .getRecordMetadata()
                .partition();
        kafka.send(Topics.ROUTING_CASES, partition, historical.toString(), routed)
                .get();

        // A live petition for the same office, after it on the same partitions: once its mail and webhook went,
        // the historical events were handled too.
        PetitionId live = PetitionId.random();
        kafka.send(
                        Topics.INTAKE_PETITIONS,
                        partition,
                        live.toString(),
                        new PetitionSubmitted(
                                UUID.randomUUID(),
                                live,
                                clock.instant(),
                                "40-LIVE0001",
                                "portal:nghe-an-demo",
                                PetitionKind.RECOMMENDATION,
                                "infrastructure.drainage",
                                Channel.PORTAL,
                                clock.instant(),
                                place,
                                "Cống ngập hôm nay",
                                "Nước ngập ngã tư.",
                                null))
                .get();
        kafka.send(
                        Topics.ROUTING_CASES,
                        partition,
                        live.toString(),
                        new PetitionRouted(
                                UUID.randomUUID(),
                                live,
                                clock.instant(),
                                HOP_MINH,
                                place,
                                "r",
                                1,
                                due("2026-12-18T16:59:59Z")))
                .get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo("ubnd-17605@thu-nghiem.gandan.vn").stream()
                .anyMatch(m -> subject(m).contains("40-LIVE0001")));
        await().atMost(Duration.ofSeconds(20)).until(() -> portal.received().stream()
                .anyMatch(r -> live.toString().equals(r.header("ce-subject"))));
        Thread.sleep(500);

        assertThat(facts.existsById(historical.toString())).isFalse();
        assertThat(deliveriesOf(historical)).isEmpty();
        // What the same decision on a live petition would have recorded: none of it is there, nor queued.
        List<String> wouldBe = planner
                .plan(new PetitionRouted(routed.eventId(), historical, routed.occurredAt(), HOP_MINH, place, "r", 1))
                .stream()
                .map(i -> NotificationPlanner.deliveryId(i.triggerEventId(), i.recipient(), i.channel()))
                .toList();
        assertThat(wouldBe).isNotEmpty();
        assertThat(deliveries.findAllById(wouldBe)).isEmpty();
        assertThat(mongo.find(query(where("_id").in(wouldBe)), Document.class, DeliveryQueue.COLLECTION))
                .isEmpty();
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()))
                .noneMatch(m -> body(m).contains("40-HIST0001") || body(m).contains(historical.toString()));
        assertThat(portal.received()).noneMatch(r -> historical.toString().equals(r.header("ce-subject")));
        assertThat(deliveriesTopic.recordsWithKey(historical.toString(), Duration.ofSeconds(1)))
                .isEmpty();
    }

    static List<MimeMessage> mailWithDelivery(String deliveryId) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return deliveryId.equals(m.getHeader("X-Gandan-Delivery", null));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    List<FakeProvider.Received> smsTo(String phone) {
        return smsGateway.received().stream()
                .filter(r -> r.body().contains(phone))
                .toList();
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A poll's petitions cost one write per collection, not one each (ADR 0011), and a dispatcher's round one write
     * for the outcomes of all it sent: counted by the driver's command metrics, as the benchmark counts them. One
     * key for all, so that one consumer gets them in one poll.
     */
    @Test
    @Order(13)
    void aPollOfPetitionsIsRecordedInOneWritePerCollection() throws Exception {
        List<PetitionId> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(PetitionId.random());
        }
        long factWrites = commands("update", "petition_facts");
        long deliveryInserts = commands("insert", "deliveries");
        long deliveryUpdates = commands("update", "deliveries");
        long queueWritesBefore = commands("update", DeliveryQueue.COLLECTION);
        String key = ids.get(0).toString();

        OnePoll.of(containers, PetitionEventsListener.ID, () -> {
            for (PetitionId id : ids) {
                kafka.send(Topics.INTAKE_PETITIONS, key, submittedEvent(id, "40-POLL" + ids.indexOf(id), "Ổ gà"))
                        .join();
                kafka.send(
                                Topics.ROUTING_CASES,
                                key,
                                new PetitionRouted(
                                        UUID.randomUUID(),
                                        id,
                                        clock.instant(),
                                        HOP_MINH,
                                        new Place("40", "17605"),
                                        "commune-people-committee",
                                        1,
                                        due("2026-12-16T16:59:59Z")))
                        .join();
            }
        });

        awaiting(ids.toArray(PetitionId[]::new)).untilAsserted(() -> {
            for (PetitionId id : ids) {
                assertThat(facts.existsById(id.toString())).isTrue();
                assertThat(on("email", id))
                        .as("the responder's e-mail of %s", id)
                        .isNotNull();
            }
        });
        // Each made in the trace of the event that asked for it (the template started one per send), not in none.
        assertThat(ids.stream().map(id -> on("email", id).traceparent()).map(t -> t == null ? null : t.split("-")[1]))
                .doesNotContainNull()
                .doesNotHaveDuplicates();
        // At most two: a fetch in flight when the listener paused brings its record in a poll of its own.
        assertThat(commands("update", "petition_facts") - factWrites).isBetween(1L, 2L);
        assertThat(commands("insert", "deliveries") - deliveryInserts).isBetween(1L, 2L);
        assertThat(commands("update", DeliveryQueue.COLLECTION))
                .as("the queue entries were written, with the dispatcher's own claims")
                .isGreaterThan(queueWritesBefore);
        // Saved one by one, the e-mails alone would take one each; with the relay's clearing of their events, more.
        assertThat(commands("update", "deliveries") - deliveryUpdates)
                .as("the rounds' outcomes saved, and the relay's clearing of their events")
                .isLessThan(ids.size());
    }

    long commands(String command, String collection) {
        return StoreCommands.count(meters, command, collection);
    }
}
