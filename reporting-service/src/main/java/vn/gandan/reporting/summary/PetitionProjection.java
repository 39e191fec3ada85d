package vn.gandan.reporting.summary;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.NotificationSent;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;

/**
 * What reporting knows of one petition. Events of one petition arrive in order per topic but not across topics,
 * so the status only moves forward ({@link Status#rank}) and each event id is applied once. No personal data.
 */
@Document(PetitionProjection.COLLECTION)
public class PetitionProjection {

    public static final String COLLECTION = "petition_projections";

    /** Statuses in the order a petition passes through them. */
    public enum Status {
        SUBMITTED,
        TRIAGE,
        ROUTED;

        int rank() {
            return ordinal();
        }
    }

    @Id
    private String petitionId;

    private String provinceCode;
    private String communeCode;
    private String category;
    private String kind;
    private String channel;
    private Status status;
    private String authorityId;
    private int notificationsSent;
    private Set<String> appliedEventIds = new LinkedHashSet<>();

    @Version
    private Long version;

    protected PetitionProjection() {}

    PetitionProjection(String petitionId) {
        this.petitionId = petitionId;
    }

    /** @return false if the event was applied before (a replay), true if it changed the projection */
    boolean apply(PetitionEvent event) {
        if (!appliedEventIds.add(event.eventId().toString())) {
            return false;
        }
        if (event instanceof PetitionSubmitted submitted) {
            provinceCode = submitted.place().provinceCode();
            communeCode = submitted.place().communeCode();
            category = submitted.category();
            kind = submitted.kind().code();
            channel = submitted.channel().code();
            advance(Status.SUBMITTED);
        } else if (event instanceof PetitionRouted routed) {
            provinceCode = routed.place().provinceCode();
            communeCode = routed.place().communeCode();
            authorityId = routed.authority().id();
            advance(Status.ROUTED);
        } else if (event instanceof PetitionRoutingFailed failed) {
            provinceCode = failed.place().provinceCode();
            advance(Status.TRIAGE);
        } else if (event instanceof NotificationSent) {
            notificationsSent++;
        }
        return true;
    }

    private void advance(Status to) {
        if (status == null || to.rank() > status.rank()) {
            status = to;
        }
    }

    public String getPetitionId() {
        return petitionId;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public Status getStatus() {
        return status;
    }

    public int getNotificationsSent() {
        return notificationsSent;
    }
}
