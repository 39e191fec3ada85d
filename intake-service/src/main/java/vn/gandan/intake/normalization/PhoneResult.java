package vn.gandan.intake.normalization;

/**
 * The outcome of normalizing a phone number: either the number in E.164 or the reason it was refused,
 * never both.
 *
 * @param e164 the number in E.164, such as {@code "+84912345678"}; null if refused
 * @param rejection why it was refused; null if accepted
 */
public record PhoneResult(String e164, PhoneRejection rejection) {

    /**
     * @param e164 null exactly when {@code rejection} is not
     * @param rejection null exactly when {@code e164} is not
     * @throws IllegalArgumentException if both or neither are null
     */
    public PhoneResult {
        if ((e164 == null) == (rejection == null)) {
            throw new IllegalArgumentException("exactly one of e164 and rejection must be given");
        }
    }

    /**
     * @param e164 must not be null
     * @return an accepted number
     */
    public static PhoneResult accepted(String e164) {
        return new PhoneResult(e164, null);
    }

    /**
     * @param rejection must not be null
     * @return a refused number
     */
    public static PhoneResult rejected(PhoneRejection rejection) {
        return new PhoneResult(null, rejection);
    }

    /**
     * @return whether the number was accepted
     */
    public boolean isValid() {
        return e164 != null;
    }

    /**
     * @return the reason in English, or null if accepted
     */
    public String reasonEn() {
        return rejection == null ? null : rejection.english();
    }

    /**
     * @return the reason in Vietnamese, or null if accepted
     */
    public String reasonVi() {
        return rejection == null ? null : rejection.vietnamese();
    }
}
