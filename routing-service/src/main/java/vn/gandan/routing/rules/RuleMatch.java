package vn.gandan.routing.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The conditions of a rule; every list is optional and an empty one means any. Entries stay as written (strings,
 * nulls kept) so that validation can name each bad one by its index, e.g. {@code match.categories[1]}.
 *
 * @param kinds petition kinds: {@code recommendation}, {@code complaint}, {@code denunciation}
 * @param categories exact category codes or a whole group as {@code group.*}
 * @param provinces province codes
 * @param communes commune codes, within {@code provinces} when both are given
 * @param subjectTypes authority types ({@code commune_peoples_committee}, ...) of the body that {@code
 *     details.subjectAuthority} names; such a rule matches only when that name resolves to exactly one body
 * @param details details that must be present and not blank
 */
public record RuleMatch(
        List<String> kinds,
        List<String> categories,
        List<String> provinces,
        List<String> communes,
        List<String> subjectTypes,
        List<String> details) {

    public static final RuleMatch ANY = new RuleMatch(null, null, null, null, null, null);

    public RuleMatch {
        kinds = copy(kinds);
        categories = copy(categories);
        provinces = copy(provinces);
        communes = copy(communes);
        subjectTypes = copy(subjectTypes);
        details = copy(details);
    }

    private static List<String> copy(List<String> list) {
        // Not List.copyOf: a null entry is a validation error to report by its index, not a parse failure.
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
