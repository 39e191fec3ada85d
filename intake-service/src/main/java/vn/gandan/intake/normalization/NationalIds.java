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

    /**
     * The digits of a valid number, or why it is not one.
     *
     * @param digits the number's digits; null if refused
     * @param code the message code of the reason ({@code gandan.intake.national-id.*}, intake's messages); null if
     *     valid
     * @param reason the reason in English; null if valid
     */
    public record Result(String digits, String code, String reason) {

        public boolean isValid() {
            return reason == null;
        }

        static Result valid(String digits) {
            return new Result(digits, null, null);
        }

        static Result refused(String code, String reason) {
            return new Result(null, "gandan.intake.national-id." + code, reason);
        }
    }

    private NationalIds() {}

    public static Result normalize(String text) {
        String digits = text.replaceAll("[\\s.\\-]", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Result.refused("digits", "must contain only digits");
        }
        if (digits.length() == 9) {
            return Result.valid(digits);
        }
        if (digits.length() != 12) {
            return Result.refused("length", "must have 12 digits (or 9 for an old identity card)");
        }
        if (!PROVINCES.contains(digits.substring(0, 3))) {
            return Result.refused("province", "does not start with a province code");
        }
        return Result.valid(digits);
    }
}
