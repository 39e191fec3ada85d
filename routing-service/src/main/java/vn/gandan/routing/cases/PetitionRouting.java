package vn.gandan.routing.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;

/**
 * Decides who answers a petition. The first rule: the People's Committee of the petition's commune; a petition
 * without a known commune goes to its province's triage queue. Ordered, stored rules replace this later.
 */
@Service
public class PetitionRouting {

    static final String COMMUNE_RULE = "commune-people-committee";
    static final int COMMUNE_RULE_VERSION = 1;

    private final Cases cases;
    private final AdminUnits adminUnits;
    private final Clock clock;

    PetitionRouting(Cases cases, Clock clock) {
        this.cases = cases;
        this.adminUnits = AdminUnits.official();
        this.clock = clock;
    }

    /** Routes a submitted petition once; a replay of the same submission changes nothing. */
    public void route(PetitionSubmitted submitted) {
        String petitionId = submitted.petitionId().toString();
        if (cases.existsById(petitionId)) {
            return;
        }
        var place = submitted.place();
        Case routed = new Case(
                petitionId,
                place.provinceCode(),
                place.communeCode(),
                submitted.kind(),
                submitted.category(),
                submitted.receivedAt());
        Instant now = clock.instant();
        var commune =
                place.hasCommune() ? adminUnits.commune(place.communeCode()) : java.util.Optional.<Commune>empty();
        if (commune.isPresent()) {
            AuthorityRef authority = peoplesCommitteeOf(commune.get());
            var decision = new Case.Decision(
                    COMMUNE_RULE,
                    COMMUNE_RULE_VERSION,
                    Map.of("communeCode", commune.get().code()),
                    adminUnits.dataVersion(),
                    null);
            routed.assign(
                    authority,
                    decision,
                    now,
                    new PetitionRouted(
                            UUID.randomUUID(),
                            submitted.petitionId(),
                            now,
                            authority,
                            place,
                            COMMUNE_RULE,
                            COMMUNE_RULE_VERSION));
        } else {
            String reason = place.hasCommune() ? "commune_unknown" : "commune_missing";
            String detail = place.hasCommune()
                    ? "Commune " + place.communeCode() + " is not in the admin-unit data"
                    : "The address did not resolve to a commune";
            routed.sendToTriage(
                    new Case.Decision(null, 0, Map.of(), adminUnits.dataVersion(), reason),
                    now,
                    new PetitionRoutingFailed(UUID.randomUUID(), submitted.petitionId(), now, place, reason, detail));
        }
        try {
            cases.insert(routed);
        } catch (DuplicateKeyException alreadyRouted) {
            // The same submission delivered twice at once: the first decision stands.
        }
    }

    static AuthorityRef peoplesCommitteeOf(Commune commune) {
        return new AuthorityRef("ubnd-" + commune.code(), "Ủy ban nhân dân " + commune.name(), commune.code());
    }
}
