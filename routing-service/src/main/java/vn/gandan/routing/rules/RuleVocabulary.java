package vn.gandan.routing.rules;

import java.util.List;
import java.util.Set;
import vn.gandan.routing.authority.AuthorityType;

/**
 * The words rules may use beyond kinds, categories, places and authority types (which have their own sources).
 * The details are those of intake's category catalogue ({@code Categories}); routing cannot depend on intake, so a
 * detail intake adds must be added here too before a rule may name it.
 */
final class RuleVocabulary {

    /** Details a rule may require; the first two are also what {@code fromDetail} may name. */
    static final Set<String> DETAILS = Set.of(
            RoutingInputs.SUBJECT_AUTHORITY,
            RoutingInputs.ISSUING_AUTHORITY,
            "roadName",
            "poleNumber",
            "pollutionType",
            "projectName",
            "landParcel",
            "decisionNumber",
            "decisionDate",
            "dossierNumber",
            "procedureName");

    static final Set<String> FROM_DETAILS = Set.of(RoutingInputs.SUBJECT_AUTHORITY, RoutingInputs.ISSUING_AUTHORITY);

    /** The departments ({@code Authority.department}) every province's directory has. */
    static final List<String> DEPARTMENTS =
            List.of("construction", "agriculture_environment", "health", "education", "home_affairs");

    private RuleVocabulary() {}

    static AuthorityType authorityType(String code) {
        for (AuthorityType type : AuthorityType.values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
