package vn.gandan.notification.nudge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.PetitionEvent;
import vn.gandan.support.outbox.OutboxEntry;

/**
 * One delivery of one message to one recipient on one channel. Its id is derived from (triggering event,
 * recipient, channel), so the same trigger can never be delivered twice.
 */
@Document("notifications")
public class Notification {

    public static final String SENT = "sent";

    @Id
    private String id;

    private String petitionId;
    private String provinceCode;
    private String triggerEventId;
    private String purpose;
    private String channel;
    private String recipient;
    private String message;
    private String status;
    private Instant createdAt;
    private Instant sentAt;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Notification() {}

    Notification(
            String id,
            String petitionId,
            String provinceCode,
            String triggerEventId,
            String purpose,
            String channel,
            String recipient,
            String message,
            Instant createdAt) {
        this.id = id;
        this.petitionId = petitionId;
        this.provinceCode = provinceCode;
        this.triggerEventId = triggerEventId;
        this.purpose = purpose;
        this.channel = channel;
        this.recipient = recipient;
        this.message = message;
        this.createdAt = createdAt;
        this.status = "pending";
    }

    void sent(Instant at, PetitionEvent event) {
        this.status = SENT;
        this.sentAt = at;
        outbox.add(OutboxEntry.of(event));
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

    public String getPurpose() {
        return purpose;
    }

    public String getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getMessage() {
        return message;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
