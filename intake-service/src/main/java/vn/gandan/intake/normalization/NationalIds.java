package vn.gandan.intake.normalization;

import java.util.Set;

/**
 * Citizen identity numbers as people write them ({@code 040 085 012345}, {@code 040-085-012345}) reduced to their
 * digits and checked for form: the 12-digit number (căn cước) starts with the code of the province where the birth
 * was registered, as the Ministry of Public Security numbers them (the 63 pre-2025 provinces); the 9-digit identity
 * card number (chứng minh nhân dân) some people still carry is taken as it is.
 */
public final class NationalIds {

    /** The birth-registration province codes that open a 12-digit number. */
    private static final Set<String> PROVINCES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    /** The digits of a valid number, or why it is not one. */
    public record Result(String digits, String reason) {

        public boolean isValid() {
            return reason == null;
        }
    }

    private NationalIds() {}

    public static Result normalize(String text) {
        String digits = text.replaceAll("[\\s.\\-]", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Result(null, "must contain only digits");
        }
        if (digits.length() == 9) {
            return new Result(digits, null);
        }
        if (digits.length() != 12) {
            return new Result(null, "must have 12 digits (or 9 for an old identity card)");
        }
        if (!PROVINCES.contains(digits.substring(0, 3))) {
            return new Result(null, "does not start with a province code");
        }
        return new Result(digits, null);
    }
}
