package vn.gandan.intake.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.Channel;
import vn.gandan.events.CitizenNotificationsWithdrawn;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.support.outbox.OutboxEntry;

/** A petition as intake keeps it, with the citizen's contact (which never leaves this service in events). */
@Document("petitions")
// A province's petitions, newest first: the portal's list and Open311's search (PetitionSearch, ServiceRequestSearch).
@CompoundIndex(name = "province_receivedAt", def = "{'location.provinceCode': 1, 'receivedAt': -1}")
public class Petition {

    /** A petition's days (receipt dates, date filters, dates among its facts) are days in Viet Nam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Id
    private String id;

    @Indexed(unique = true)
    private String trackingCode;

    /** {@code portalId|portalReference}: the same portal reference twice is the same petition. */
    @Indexed(unique = true, sparse = true)
    private String portalKey;

    /** {@code portalId|Idempotency-Key}: a retried call finds the petition its first try created. */
    @Indexed(unique = true, sparse = true)
    private String idempotencyKey;

    /** SHA-256 of the request as accepted: a key reused for a different petition is a conflict. */
    private String requestDigest;

    private String portalId;
    private String portalReference;
    private PetitionKind kind;
    private String category;
    private Channel channel;
    private Instant receivedAt;
    private Instant submittedAt;
    private String title;
    private String description;
    private Location location;
    private Citizen citizen;
    private List<Attachment> attachments = new ArrayList<>();
    private Map<String, String> details = new LinkedHashMap<>();

    /** The category code the portal sent, when it was its own code mapped to the catalogue's. */
    private String portalCategory;

    private String status;
    /** True for a petition imported from the portal's records; absent (null) for a live one, to keep it small. */
    private Boolean historical;

    private String citizenRef;
    private PetitionSubmitted.RelatedPetition relatedTo;
    private String authorityName;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    /**
     * Where the petition is about, resolved as far as intake could, with the text the citizen wrote.
     *
     * @param candidates the communes an ambiguous address could mean, for the operator
     * @param confidence 0 to 1
     * @param method how it was resolved: {@code code}, {@code current_name}, {@code legacy_name}, {@code none}
     * @param triageReason why an operator must place it, or null
     * @param coordinates the point the portal sent, or null
     */
    public record Location(
            String provinceCode,
            String communeCode,
            String address,
            String triageReason,
            List<String> candidates,
            double confidence,
            String method,
            Coordinates coordinates) {}

    /**
     * The citizen's contact; every field optional (complaints and denunciations need a name and a way to answer).
     *
     * @param phone E.164
     * @param address where the citizen lives, as written
     * @param nationalId the 12-digit citizen identity number (or a 9-digit old one), digits only
     * @param consent the citizen's consent to be told about the petition, or null (none given; Open311 never gives one)
     */
    public record Citizen(
            String name, String phone, String email, String address, String nationalId, NotificationConsent consent) {

        public Citizen(String name, String phone, String email, String address, String nationalId) {
            this(name, phone, email, address, nationalId, null);
        }

        public Citizen(String name, String phone, String email) {
            this(name, phone, email, null, null, null);
        }

        Citizen withConsent(NotificationConsent consent) {
            return new Citizen(name, phone, email, address, nationalId, consent);
        }
    }

    /**
     * The citizen's consent to be told about this petition: on which channels, in which language, when it was given
     * and when withdrawn. The addresses are the citizen's {@code phone} and {@code email}; the consent only says
     * which of them may be used.
     *
     * @param channels {@code sms}, {@code zalo}, {@code email}; at least one, each once
     * @param language {@code vi} or {@code en}
     * @param givenAt when intake accepted the petition with it; null while it is only asked for
     * @param withdrawnAt when the citizen withdrew it, or null; a withdrawal is final for this petition
     */
    public record NotificationConsent(List<String> channels, String language, Instant givenAt, Instant withdrawnAt) {

        public static final String SMS = "sms";
        public static final String ZALO = "zalo";
        public static final String EMAIL = "email";

        /** The channels in the order they are listed to callers. */
        public static final List<String> CHANNELS = List.of(SMS, ZALO, EMAIL);

        public NotificationConsent {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        public boolean isWithdrawn() {
            return withdrawnAt != null;
        }
    }

    /** A point in WGS84 degrees. */
    public record Coordinates(double latitude, double longitude) {}

    /**
     * A file the portal keeps (a photo, a scanned letter); intake stores the link and never fetches it.
     *
     * @param url http or https
     * @param name as the citizen named it, or null
     * @param mediaType e.g. {@code image/jpeg}, or null
     */
    public record Attachment(String url, String name, String mediaType) {}

    protected Petition() {}

    Petition(
            String id,
            String trackingCode,
            String portalId,
            String portalReference,
            PetitionKind kind,
            String category,
            Channel channel,
            Instant receivedAt,
            Instant submittedAt,
            String title,
            String description,
            Location location,
            Citizen citizen) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.portalId = portalId;
        this.portalReference = portalReference;
        this.portalKey = portalReference == null ? null : portalId + "|" + portalReference;
        this.kind = kind;
        this.category = category;
        this.channel = channel;
        this.receivedAt = receivedAt;
        this.submittedAt = submittedAt;
        this.title = title;
        this.description = description;
        this.location = location;
        this.citizen = citizen;
        this.status = PetitionStatus.SUBMITTED;
        // The first version, which the template's insert would set and a bulk insert (NewAggregates) does not.
        this.version = 0L;
    }

    void describe(List<Attachment> attachments, Map<String, String> details, String portalCategory) {
        this.attachments = new ArrayList<>(attachments);
        this.details = new LinkedHashMap<>(details);
        this.portalCategory = portalCategory;
    }

    void identify(String idempotencyKey, String requestDigest) {
        this.idempotencyKey = idempotencyKey;
        this.requestDigest = requestDigest;
    }

    void markHistorical() {
        this.historical = Boolean.TRUE;
    }

    /** Imported from the portal's records (ADR 0017); false for a live petition. */
    public boolean isHistorical() {
        return Boolean.TRUE.equals(historical);
    }

    void link(String citizenRef, PetitionSubmitted.RelatedPetition relatedTo) {
        this.citizenRef = citizenRef;
        this.relatedTo = relatedTo;
    }

    void publish(PetitionEvent event) {
        outbox.add(OutboxEntry.of(event));
    }

    /**
     * Ends the citizen's consent and adds {@link CitizenNotificationsWithdrawn} to the outbox, in the same save.
     *
     * @return false, and nothing changes, when there is no consent or it was withdrawn before
     */
    boolean withdrawNotifications(Instant at) {
        NotificationConsent consent = citizen == null ? null : citizen.consent();
        if (consent == null || consent.isWithdrawn()) {
            return false;
        }
        citizen = citizen.withConsent(
                new NotificationConsent(consent.channels(), consent.language(), consent.givenAt(), at));
        publish(new CitizenNotificationsWithdrawn(UUID.randomUUID(), PetitionId.of(id), at));
        return true;
    }

    /** The consent without the addresses it lets notification use; null when the citizen gave none. */
    public NotificationConsent getConsent() {
        return citizen == null ? null : citizen.consent();
    }

    public String getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public String getCitizenRef() {
        return citizenRef;
    }

    public PetitionSubmitted.RelatedPetition getRelatedTo() {
        return relatedTo;
    }

    String getPortalKey() {
        return portalKey;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestDigest() {
        return requestDigest;
    }

    public String getPortalId() {
        return portalId;
    }

    public String getPortalReference() {
        return portalReference;
    }

    public PetitionKind getKind() {
        return kind;
    }

    public String getCategory() {
        return category;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Location getLocation() {
        return location;
    }

    public Citizen getCitizen() {
        return citizen;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public Map<String, String> getDetails() {
        return details;
    }

    public String getPortalCategory() {
        return portalCategory;
    }

    public String getStatus() {
        return status;
    }

    public String getAuthorityName() {
        return authorityName;
    }
}
