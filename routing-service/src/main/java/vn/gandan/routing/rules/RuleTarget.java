package vn.gandan.routing.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a rule sends a petition: exactly one of a body relative to the petition's place ({@code type}, with {@code
 * department} for a provincial department), the body the petition names ({@code fromDetail}), or a fixed body
 * ({@code authorityId}).
 *
 * @param type an authority type code such as {@code commune_peoples_committee}
 * @param department for {@code provincial_department} only, e.g. {@code construction}
 * @param fromDetail {@code issuingAuthority} or {@code subjectAuthority}: resolved by name in the petition's province
 * @param authorityId a directory id such as {@code thanh-tra-40}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleTarget(String type, String department, String fromDetail, String authorityId) {

    public static RuleTarget ofType(String type) {
        return new RuleTarget(type, null, null, null);
    }

    public static RuleTarget department(String department) {
        return new RuleTarget("provincial_department", department, null, null);
    }

    public static RuleTarget fromDetail(String detail) {
        return new RuleTarget(null, null, detail, null);
    }

    public static RuleTarget authority(String authorityId) {
        return new RuleTarget(null, null, null, authorityId);
    }

    /** How many of the three kinds of target are given: exactly one is valid. */
    int kindsGiven() {
        return (type != null ? 1 : 0) + (fromDetail != null ? 1 : 0) + (authorityId != null ? 1 : 0);
    }
}
