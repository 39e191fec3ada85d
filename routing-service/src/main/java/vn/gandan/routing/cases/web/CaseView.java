package vn.gandan.routing.cases.web;

import java.time.Instant;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.cases.Case;

/** A case with the explanation of its assignment. */
record CaseView(
        String petitionId,
        String status,
        String provinceCode,
        String communeCode,
        PetitionKind kind,
        String category,
        AuthorityRef authority,
        Case.Decision explanation,
        Instant receivedAt,
        Instant decidedAt) {

    static CaseView of(Case c) {
        return new CaseView(
                c.getPetitionId(),
                c.getStatus(),
                c.getProvinceCode(),
                c.getCommuneCode(),
                c.getKind(),
                c.getCategory(),
                c.getAuthority(),
                c.getDecision(),
                c.getReceivedAt(),
                c.getDecidedAt());
    }
}
