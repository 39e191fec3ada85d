package vn.gandan.intake.normalization;

import java.util.List;
import java.util.Objects;

/**
 * Where a petition's location was found to be, and how sure that is.
 *
 * @param outcome what was found; must not be null
 * @param provinceCode the province found: the commune's when one was found, the province shared by
 *     all candidates when they share one, otherwise the portal's; must not be null
 * @param communeCode the new five-digit commune code; null unless one commune was found
 * @param candidates the commune codes that fit, ordered by code: the one commune when found, two or
 *     more when ambiguous, empty otherwise; must not be null; copied
 * @param confidence from 0 (nothing found) to 1 (an official code)
 * @param method how it was found; must not be null
 * @param originalText the address exactly as the portal sent it; may be null when only a code was
 *     sent
 * @param triageReason why an operator must look at it ({@link #ADDRESS_AMBIGUOUS}, {@link
 *     #ADDRESS_UNRESOLVED}); null when nothing needs an operator
 */
public record Resolution(
        Outcome outcome,
        String provinceCode,
        String communeCode,
        List<String> candidates,
        double confidence,
        Method method,
        String originalText,
        String triageReason) {

    /** Triage reason: the address fits several communes and nothing decides between them. */
    public static final String ADDRESS_AMBIGUOUS = "address_ambiguous";

    /** Triage reason: the address names no commune that could be found. */
    public static final String ADDRESS_UNRESOLVED = "address_unresolved";

    /** What a resolution found. */
    public enum Outcome {
        /** One commune in the portal's province. */
        RESOLVED,
        /** Several communes in the portal's province fit; {@link #candidates()} lists them. */
        AMBIGUOUS,
        /** No commune fits; the petition stays in the portal's province, for triage. */
        UNRESOLVED,
        /**
         * The commune (or every candidate) is in another province, {@link #provinceCode()}; the
         * caller decides, and today refuses it.
         */
        OTHER_PROVINCE,
        /** The commune code given is not an official code; the caller refuses the request. */
        UNKNOWN_CODE
    }

    /** How a resolution was reached. */
    public enum Method {
        /** From an official commune code. */
        CODE("code"),
        /** From a commune name in use since 1 July 2025. */
        CURRENT_NAME("current_name"),
        /** From a commune name from before 1 July 2025, through the reform's split data. */
        LEGACY_NAME("legacy_name"),
        /** Nothing was found. */
        NONE("none");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        /**
         * @return the name to store and show, such as {@code "legacy_name"}; never null
         */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * @throws IllegalArgumentException if confidence is outside 0..1
     */
    public Resolution {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(method, "method");
        candidates = List.copyOf(candidates);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /**
     * @return whether an operator must look at it before it can be routed to a commune
     */
    public boolean needsTriage() {
        return triageReason != null;
    }
}
