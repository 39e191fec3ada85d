package vn.gandan.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.PetitionEvent;
import vn.gandan.notification.channel.Masking;
import vn.gandan.notification.channel.OutgoingMessage;
import vn.gandan.support.observability.StoredTrace;
import vn.gandan.support.outbox.OutboxEntry;

/**
 * One intended delivery of one message to one recipient on one channel, recorded before any attempt. Its id is
 * derived from (triggering event, recipient, channel), so the same trigger is never delivered twice, and it is the
 * idempotency key every provider gets. Once it is final the address is masked: the record keeps no more personal
 * data than it needs.
 */
@Document("deliveries")
public class Delivery {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    /** Not to be sent any more: the citizen withdrew their consent. */
    public static final String CANCELLED = "cancelled";

    @Id
    private String id;

    private String petitionId;
    private String provinceCode;
    private String triggerEventId;
    private String triggerType;
    private String purpose;
    private String audience;
    private String recipient;
    private String channel;
    private String address;
    private String subject;
    private String text;
    private String language;
    private String templateId;
    private Map<String, String> params = Map.of();
    private OutgoingMessage.CloudEventPayload event;
    private boolean urgent;
    /** Deliveries to the same recipient and channel within a window go out as one digest; null if not merged. */
    private String digestKey;

    private String status = PENDING;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;
    /** The digest it went out in, when it was merged with others. */
    private String sentIn;

    /** The trace it was recorded in (W3C traceparent), resumed when it is sent: one petition, one trace. */
    private String traceparent;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Delivery() {}

    Delivery(Intent intent, String id, Instant now) {
        this.id = id;
        this.petitionId = intent.petitionId();
        this.provinceCode = intent.provinceCode();
        this.triggerEventId = intent.triggerEventId();
        this.triggerType = intent.triggerType();
        this.purpose = intent.purpose();
        this.audience = intent.audience();
        this.recipient = intent.recipient();
        this.channel = intent.channel();
        this.address = intent.address();
        this.subject = intent.subject();
        this.text = intent.text();
        this.language = intent.language().toLanguageTag();
        this.templateId = intent.templateId();
        this.params = intent.params();
        this.event = intent.event();
        this.urgent = intent.urgent();
        this.digestKey = intent.digest() ? recipient + "|" + channel : null;
        this.createdAt = now;
        this.nextAttemptAt = now;
        this.traceparent = StoredTrace.current();
        // The first version, which the template's insert would set and a bulk insert (DeliveryRecorder) does not.
        this.version = 0L;
    }

    String traceparent() {
        return traceparent;
    }

    Locale language() {
        return Locale.forLanguageTag(language);
    }

    Map<String, String> params() {
        return params;
    }

    String templateId() {
        return templateId;
    }

    String address() {
        return address;
    }

    /** The message as it goes out, worded now that the petition's facts are known. */
    OutgoingMessage message(String renderedSubject, String renderedText, Map<String, String> facts) {
        this.subject = renderedSubject;
        this.text = renderedText;
        return new OutgoingMessage(id, channel, address, subject, text, language(), templateId, facts, event);
    }

    void sent(Instant at, int attemptsMade, String digestId, PetitionEvent notificationSent) {
        this.status = SENT;
        this.attempts += attemptsMade;
        this.sentAt = at;
        this.sentIn = digestId;
        this.lastError = null;
        this.nextAttemptAt = null;
        forget();
        outbox.add(OutboxEntry.of(notificationSent));
    }

    /** Not sent now (circuit open, quiet hours, daily cap): it waits and is not failed. */
    void deferred(String reason, Instant until) {
        this.lastError = reason;
        this.nextAttemptAt = until;
    }

    void failed(Instant at, int attemptsMade, String reason, PetitionEvent notificationFailed) {
        this.status = FAILED;
        this.attempts += attemptsMade;
        this.lastError = reason;
        this.nextAttemptAt = null;
        outbox.add(OutboxEntry.of(notificationFailed));
    }

    void cancelled(String reason) {
        this.status = CANCELLED;
        this.lastError = reason;
        this.nextAttemptAt = null;
        forget();
    }

    /** An operator asks for another try of a failed delivery. */
    void retry(Instant at) {
        this.status = PENDING;
        this.nextAttemptAt = at;
    }

    /** A final delivery keeps only a masked address. */
    private void forget() {
        this.address = Masking.address(channel, address);
    }

    public String getId() {
        return id;
    }

    public String getPetitionId() {
        return petitionId;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getTriggerEventId() {
        return triggerEventId;
    }

    public String getTriggerType() {
        return triggerType;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getAudience() {
        return audience;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getChannel() {
        return channel;
    }

    /** The address as may be shown: masked. */
    public String getMaskedAddress() {
        return Masking.address(channel, address);
    }

    public String getSubject() {
        return subject;
    }

    public String getText() {
        return text;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public String getDigestKey() {
        return digestKey;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getSentIn() {
        return sentIn;
    }

    public OutgoingMessage.CloudEventPayload getEvent() {
        return event;
    }
}
