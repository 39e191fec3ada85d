package vn.gandan.routing.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.cases.Case;
import vn.gandan.routing.cases.CaseHistory;
import vn.gandan.routing.cases.ClockStatus;

/** A case with the explanation of its assignment, its running clock and its history. */
record CaseView(
        String petitionId,
        String trackingCode,
        String status,
        int level,
        String provinceCode,
        String communeCode,
        PetitionKind kind,
        String category,
        Map<String, String> details,
        AuthorityRef authority,
        Case.Decision explanation,
        ClockStatus deadline,
        Instant receivedAt,
        Instant decidedAt,
        Instant updatedAt,
        List<CaseHistory> history) {

    static CaseView of(Case c, ClockStatus clock) {
        return new CaseView(
                c.getPetitionId(),
                c.getTrackingCode(),
                c.getStatus().code(),
                c.getLevel(),
                c.getProvinceCode(),
                c.getCommuneCode(),
                c.getKind(),
                c.getCategory(),
                c.getDetails(),
                c.getAuthority(),
                c.getDecision(),
                clock,
                c.getReceivedAt(),
                c.getDecidedAt(),
                c.getUpdatedAt(),
                c.getHistory());
    }
}
