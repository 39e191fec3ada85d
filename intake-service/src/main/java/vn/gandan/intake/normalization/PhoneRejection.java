package vn.gandan.intake.normalization;

/** Why a phone number was refused, with the message in English and Vietnamese for the portal. */
public enum PhoneRejection {
    /** Nothing but white space, or nothing at all. */
    EMPTY("phone_empty", "no phone number given", "chưa có số điện thoại"),
    /** Letters, as in "0912abc678" or a vanity number; extensions are not taken either. */
    LETTERS("phone_letters", "a phone number must not contain letters", "số điện thoại không được chứa chữ cái"),
    /** Characters other than digits, spaces and {@code + ( ) . - /}. */
    CHARACTERS(
            "phone_characters",
            "contains characters that are not part of a phone number",
            "có ký tự không thuộc số điện thoại"),
    /** Too few digits for any number of its country. */
    TOO_SHORT("phone_too_short", "too short to be a phone number", "quá ngắn, không phải số điện thoại"),
    /** Too many digits for any number of its country. */
    TOO_LONG("phone_too_long", "too long to be a phone number", "quá dài, không phải số điện thoại"),
    /** A Vietnamese number (or one written without a country code) that no Vietnamese range has. */
    NOT_VIETNAMESE("phone_invalid", "not a valid Vietnamese phone number", "không phải số điện thoại Việt Nam hợp lệ"),
    /** A number with a foreign country code that is not valid in that country. */
    NOT_INTERNATIONAL(
            "phone_invalid_international",
            "not a valid international phone number",
            "không phải số điện thoại quốc tế hợp lệ");

    private final String code;
    private final String english;
    private final String vietnamese;

    PhoneRejection(String code, String english, String vietnamese) {
        this.code = code;
        this.english = english;
        this.vietnamese = vietnamese;
    }

    /**
     * @return a stable machine-readable code, such as {@code "phone_invalid"}; never null
     */
    public String code() {
        return code;
    }

    /**
     * @return the reason in English; never null
     */
    public String english() {
        return english;
    }

    /**
     * @return the reason in Vietnamese; never null
     */
    public String vietnamese() {
        return vietnamese;
    }
}
