package vn.gandan.notification.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.gandan.notification.channel.CapturedLogs;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.channel.ProviderResilience;
import vn.gandan.notification.channel.ResilienceRegistries;
import vn.gandan.notification.channel.ResilienceSettings;
import vn.gandan.notification.channel.TestResilience;

/** The e-mail channel against a real SMTP server (GreenMail), reading back what it delivered. */
class EmailChannelIntegrationTests {

    // A fixed free port rather than GreenMail's dynamic one: a test stops the server and starts it again.
    static final int PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    static final String TO = "nguyen.van.an@example.vn";
    static final String SUBJECT = "Kiến nghị NA-2026-000123 đã được tiếp nhận";
    static final String TEXT =
            "Cống thoát nước trước nhà văn hoá xóm 3 bị tắc: UBND xã Hợp Minh sẽ trả lời trước 05/12.";

    CapturedLogs logs;
    SimpleMeterRegistry meters;
    ProviderResilience resilience;

    @BeforeEach
    void start() {
        logs = new CapturedLogs();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        logs.close();
        assertThat(logs.lines()).noneMatch(line -> line.contains(TO) || line.contains("nguyen.van.an"));
    }

    EmailChannel channel(ResilienceSettings policy) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(PORT);
        sender.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "1000");
        properties.setProperty("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        var settings = new EmailSettings("gandan <no-reply@gandan.test>", policy);
        resilience = ProviderResilience.create("email", settings.resilience(), ResilienceRegistries.boundTo(meters));
        return new EmailChannel(sender, settings, resilience);
    }

    static OutgoingMessage message(String deliveryId, String to) {
        return new OutgoingMessage(
                deliveryId, "email", to, SUBJECT, TEXT, Locale.forLanguageTag("vi"), null, Map.of(), null);
    }

    @Test
    void deliversUtf8TextWithTheDeliveryIdAsMessageId() throws Exception {
        int attempts = channel(TestResilience.retries(3)).send(message("7f9c2e1a-delivery", TO));

        assertThat(attempts).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(SUBJECT);
        assertThat(mail.getContent()).isEqualTo(TEXT);
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getMessageID()).isEqualTo("<7f9c2e1a-delivery@gandan>");
        assertThat(mail.getHeader("X-Gandan-Delivery")).containsExactly("7f9c2e1a-delivery");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@gandan.test");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(TO);
    }

    @Test
    void aRepeatedAttemptIsTheSameMessage() throws Exception {
        var email = channel(TestResilience.retries(3));

        email.send(message("d-42", TO));
        email.send(message("d-42", TO));

        assertThat(smtp.getReceivedMessages())
                .hasSize(2)
                .extracting(MimeMessage::getMessageID)
                .containsOnly("<d-42@gandan>");
    }

    @Test
    void aServerThatIsDownFailsThenOpensTheCircuitWhichClosesWhenItIsBack() throws Exception {
        var email = channel(TestResilience.policy(2, 2, Duration.ofMillis(300)));
        smtp.stop();

        var failed = catchThrowableOfType(DeliveryFailure.class, () -> email.send(message("d-1", TO)));
        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.reason()).startsWith("smtp: ").doesNotContain(TO, "nguyen.van.an");

        var deferred = catchThrowableOfType(DeliveryFailure.class, () -> email.send(message("d-2", TO)));
        assertThat(deferred.isDeferred()).isTrue();
        assertThat(deferred.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));

        smtp.start();
        assertThat(TestResilience.sendOnceAllowed(() -> email.send(message("d-2", TO))))
                .isEqualTo(1);
        assertThat(resilience.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(smtp.getReceivedMessages())
                .extracting(MimeMessage::getMessageID)
                .containsExactly("<d-2@gandan>");
    }

    /** Named, the provider is found without a class-path scan per header word: the name must be a real one. */
    @Test
    void jakartaMailIsToldWhichStreamProviderToUse() throws Exception {
        EmailChannel.nameStreamProvider();
        assertThat(System.getProperty(EmailChannel.STREAM_PROVIDER)).isEqualTo(EmailChannel.MAIL_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.class.isAssignableFrom(
                        Class.forName(EmailChannel.MAIL_STREAM_PROVIDER)))
                .isTrue();
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(EmailChannel.MAIL_STREAM_PROVIDER);
    }

    @Test
    void anAddressThatIsNoAddressFailsBeforeAnyAttempt() {
        var failed = catchThrowableOfType(
                DeliveryFailure.class, () -> channel(TestResilience.retries(3)).send(message("d-3", "an@@example")));

        assertThat(failed.isDeferred()).isFalse();
        assertThat(failed.attempts()).isZero();
        assertThat(failed.reason()).doesNotContain("an@@example");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMessageIdIsMadeOfDotAtomCharactersOnly() {
        assertThat(EmailChannel.messageId("event-1|nguyen@x|email")).isEqualTo("<event-1|nguyen-x|email@gandan>");
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
