package vn.gandan.routing.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import vn.gandan.events.PetitionKind;

/**
 * What a routing decision may look at: nothing personal, all of it from {@code PetitionSubmitted}.
 *
 * @param communeCode null when intake could not place the petition in one commune
 * @param details the category's extra facts, e.g. {@code subjectAuthority} (whom a denunciation is about) or {@code
 *     issuingAuthority} (who issued a contested decision); empty when none
 * @param decidedOn the day of the decision (today): the directory is consulted as it stands then, so a petition
 *     received before a reorganization goes to the body that must answer it now; the case keeps the one chosen
 */
public record RoutingInputs(
        PetitionKind kind,
        String category,
        String provinceCode,
        String communeCode,
        Map<String, String> details,
        LocalDate decidedOn) {

    /** The detail naming the body the official of a denunciation works for. */
    public static final String SUBJECT_AUTHORITY = "subjectAuthority";

    /** The detail naming the body that issued the decision a complaint contests. */
    public static final String ISSUING_AUTHORITY = "issuingAuthority";

    public RoutingInputs {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(decidedOn, "decidedOn");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
