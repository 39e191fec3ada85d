package vn.gandan.routing.queues;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.CaseState;

/**
 * One work queue: the open cases an authority holds, or the cases of a province that wait in triage for an
 * operator.
 *
 * @param id the authority's id, or {@link #TRIAGE}
 * @param provinceCode the province of the authority or of the triage queue
 * @param authority null for a triage queue
 */
public record Queue(String id, String provinceCode, Authority authority) {

    /** How the API names a province's triage queue in place of an authority id. */
    public static final String TRIAGE = "triage";

    /**
     * Named, not derived from {@link CaseState#isOpen()}, so that a new state joins no queue by accident: an
     * archived case (ADR 0017), for one, is in none, and a listing asked for {@code state=archived} is a 400 as
     * for any state its queue does not hold.
     */
    static final Set<CaseState> OPEN = EnumSet.of(CaseState.ROUTED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS);

    static Queue triage(String provinceCode) {
        return new Queue(TRIAGE, provinceCode, null);
    }

    static Queue of(Authority authority) {
        return new Queue(authority.id(), authority.provinceCode(), authority);
    }

    public boolean isTriage() {
        return authority == null;
    }

    /** The states a case of this queue may be in. */
    Set<CaseState> states() {
        return isTriage() ? EnumSet.of(CaseState.TRIAGE) : OPEN;
    }

    /** Whether the case waits in this queue now. */
    boolean holds(Case c) {
        if (c.getStatus() == null || !states().contains(c.getStatus())) {
            return false;
        }
        return isTriage()
                ? provinceCode.equals(c.getProvinceCode())
                : c.getAuthority() != null && id.equals(c.getAuthority().id());
    }

    /** The stored cases of this queue, in the given states (a subset of {@link #states()}). */
    Criteria cases(Set<CaseState> inStates) {
        Criteria held = isTriage()
                ? where("provinceCode").is(provinceCode)
                : where(QueueCounts.AUTHORITY_ID).is(id);
        return held.and("status").in(inStates.stream().sorted().map(Enum::name).toList());
    }
}
