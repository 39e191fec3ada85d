package vn.gandan.routing.authority;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who can answer: every public body that handles petitions, versioned by effective date. Lookups take the day
 * they are asked about (a case's receipt, or today), so a reorganization does not rewrite the past. Thread-safe.
 */
public interface AuthorityDirectory {

    /** The version of {@code id} in force on {@code on}. */
    Optional<Authority> find(String id, LocalDate on);

    /** The body the given one escalates to, as it stood on {@code on}; empty at the top of the province. */
    default Optional<Authority> parentOf(Authority authority, LocalDate on) {
        return authority.parentId() == null ? Optional.empty() : find(authority.parentId(), on);
    }

    /**
     * The body of a type relative to a place: the commune's People's Committee, or the province's committee,
     * department ({@code department} required for {@link AuthorityType#PROVINCIAL_DEPARTMENT}), inspectorate or
     * police.
     *
     * @param communeCode needed for commune-level types; may be null otherwise
     */
    Optional<Authority> byType(
            AuthorityType type, String department, String provinceCode, String communeCode, LocalDate on);

    /**
     * The bodies of a province whose name or alias matches what a citizen wrote ("UBND xã Hợp Minh", "Sở Xây
     * dựng", accents and case ignored); empty if none, several if it is ambiguous.
     */
    List<Authority> named(String text, String provinceCode, LocalDate on);

    /** Every body of the province in force on {@code on}. */
    List<Authority> inProvince(String provinceCode, LocalDate on);

    /** A name of the directory's current data, recorded with each routing decision. */
    String version();
}
