package vn.gandan.notification.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import vn.gandan.notification.channel.DeliveryChannel;
import vn.gandan.notification.channel.DeliveryFailure;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.notification.channel.ProviderException;
import vn.gandan.notification.channel.ProviderResilience;

/**
 * Sends a plain UTF-8 text mail. Its {@code Message-ID} is {@code <deliveryId@gandan>} and it carries {@code
 * X-Gandan-Delivery: deliveryId}, so every attempt at one delivery is recognisably the same message (mail servers
 * and clients drop or thread duplicates by Message-ID).
 *
 * <p>SMTP answers are classified by their reply code: 5xx is permanent (the address or the message is refused), 4xx
 * and connection trouble are transient. Exceptions from Jakarta Mail quote the addresses they were about, so
 * neither their messages nor the exceptions themselves go into a reason: only the reply code and the exception's
 * type.
 */
final class EmailChannel implements DeliveryChannel {

    static final String NAME = "email";

    // Characters a Message-ID's left part may hold (RFC 5322 dot-atom text); anything else in an id becomes '-'.
    private static final Pattern NOT_ATEXT = Pattern.compile("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]");
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String MAIL_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5])\\d\\d\\b");

    private final JavaMailSender sender;
    private final EmailSettings settings;
    private final ProviderResilience resilience;

    EmailChannel(JavaMailSender sender, EmailSettings settings, ProviderResilience resilience) {
        this.sender = sender;
        this.settings = settings;
        this.resilience = resilience;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Jakarta Mail looks up its {@code StreamProvider} with a {@code ServiceLoader} scan of the class path for every
     * header word and body it encodes or decodes (jakartaee/mail-api#861, open): in the packaged service that scan
     * was 40% of the notification service's CPU under load. A system property naming the implementation is the
     * first place the lookup looks, which makes it a cached class load; one an operator set stands.
     */
    static void nameStreamProvider() {
        System.getProperties().putIfAbsent(STREAM_PROVIDER, MAIL_STREAM_PROVIDER);
    }

    @Override
    public int send(OutgoingMessage message) {
        // built once, before any attempt (a message that cannot be built fails there), and sent as is by each
        MimeMessage mime = prepare(message);
        return resilience.execute(message.deliveryId(), attempt -> {
            try {
                sender.send(mime);
            } catch (MailException e) {
                throw classify(e);
            }
        });
    }

    static String messageId(String deliveryId) {
        return "<" + NOT_ATEXT.matcher(deliveryId).replaceAll("-") + "@gandan>";
    }

    private MimeMessage prepare(OutgoingMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            var helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(message.address());
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.text() == null ? "" : message.text(), false);
            // JavaMailSenderImpl keeps a Message-ID that was set explicitly (saveChanges would replace it).
            mime.setHeader("Message-ID", messageId(message.deliveryId()));
            mime.setHeader("X-Gandan-Delivery", message.deliveryId());
            return mime;
        } catch (MessagingException | IllegalArgumentException e) {
            throw DeliveryFailure.failed("email: the message cannot be built (address or header invalid)", 0, null);
        }
    }

    private static ProviderException classify(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return ProviderException.permanent("smtp server refused our credentials");
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return ProviderException.permanent("smtp: the message could not be prepared");
        }
        List<Throwable> chain = e instanceof MailSendException send ? causes(send) : List.of(e);
        for (Throwable t : chain) {
            if (t instanceof SendFailedException || t instanceof MessagingException) {
                var code = REPLY_CODE.matcher(String.valueOf(t.getMessage()));
                if (code.find()) {
                    String reply = t.getMessage().strip().substring(0, 3);
                    return code.group(1).equals("5")
                            ? ProviderException.permanent("smtp server refused the message: reply " + reply)
                            : ProviderException.transientFailure(
                                    "smtp server deferred the message: reply " + reply, null);
                }
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return ProviderException.transientFailure(
                        "smtp: " + t.getClass().getSimpleName(), null);
            }
        }
        return ProviderException.transientFailure("smtp: " + e.getClass().getSimpleName(), null);
    }

    /** Every exception in a failed send, and their causes and next exceptions, outermost first. */
    private static List<Throwable> causes(MailSendException e) {
        var roots = new ArrayList<Throwable>();
        roots.addAll(e.getFailedMessages().values());
        roots.addAll(List.of(e.getMessageExceptions()));
        if (e.getCause() != null) {
            roots.add(e.getCause());
        }
        var all = new ArrayList<Throwable>();
        for (Throwable root : roots) {
            for (Throwable t = root; t != null && all.size() < 50; ) {
                all.add(t);
                Throwable next = t instanceof MessagingException m && m.getNextException() != null
                        ? m.getNextException()
                        : t.getCause();
                t = next == t ? null : next;
            }
        }
        return all;
    }
}
