package vn.gandan.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionKind;
import vn.gandan.support.outbox.OutboxEntry;

/** One petition's case in routing. Its id is the petition id, so a replayed submission finds it. */
@Document("cases")
public class Case {

    public static final String ROUTED = "routed";
    public static final String TRIAGE = "triage";

    @Id
    private String petitionId;

    private String provinceCode;
    private String communeCode;
    private PetitionKind kind;
    private String category;
    private Instant receivedAt;
    private Instant decidedAt;
    private String status;
    private AuthorityRef authority;
    private Decision decision;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    /**
     * Why the case went where it went: enough to reproduce the decision.
     *
     * @param ruleId null when no rule matched
     * @param matched the inputs the rule matched on
     * @param adminUnitsVersion the admin-unit data the decision was made with
     * @param reason a stable code when the case went to triage
     */
    public record Decision(
            String ruleId, int ruleVersion, Map<String, String> matched, String adminUnitsVersion, String reason) {}

    protected Case() {}

    Case(
            String petitionId,
            String provinceCode,
            String communeCode,
            PetitionKind kind,
            String category,
            Instant receivedAt) {
        this.petitionId = petitionId;
        this.provinceCode = provinceCode;
        this.communeCode = communeCode;
        this.kind = kind;
        this.category = category;
        this.receivedAt = receivedAt;
    }

    void assign(AuthorityRef authority, Decision decision, Instant at, PetitionEvent event) {
        this.status = ROUTED;
        this.authority = authority;
        this.decision = decision;
        this.decidedAt = at;
        outbox.add(OutboxEntry.of(event));
    }

    void sendToTriage(Decision decision, Instant at, PetitionEvent event) {
        this.status = TRIAGE;
        this.decision = decision;
        this.decidedAt = at;
        outbox.add(OutboxEntry.of(event));
    }

    public String getPetitionId() {
        return petitionId;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public PetitionKind getKind() {
        return kind;
    }

    public String getCategory() {
        return category;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getStatus() {
        return status;
    }

    public AuthorityRef getAuthority() {
        return authority;
    }

    public Decision getDecision() {
        return decision;
    }
}
