package vn.gandan.intake.normalization;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns the phone numbers citizens write into E.164, with libphonenumber's metadata for Vietnam.
 *
 * <p>Accepted forms include {@code 0912 345 678}, {@code 0912.345.678}, {@code +84912345678}, {@code
 * 84-912-345-678}, {@code 0084 912 345 678}, {@code +84 (0) 912 345 678} and landlines such as {@code
 * (028) 3829 1234}. A number without a country code is read as Vietnamese.
 *
 * <p>A number with a foreign country code ({@code +} or {@code 00}) is accepted when it is valid in
 * its country: citizens abroad and foreign residents petition too, and refusing their own number
 * would only make them leave it out. The caller can tell them apart by the prefix {@code +84}.
 *
 * <p>Refused: letters (vanity numbers and extensions included), characters other than digits,
 * spaces and {@code + ( ) . - /}, and numbers that libphonenumber does not consider valid, which
 * includes the old 11-digit mobile numbers renumbered in 2018 ({@code 0168...}) and short codes such
 * as {@code 113}. An invalid Vietnamese number with fewer than 9 or more than 10 digits after the
 * country code is reported as too short or too long. Thread-safe and stateless.
 */
public final class PhoneNumbers {

    private static final String REGION = "VN";
    private static final int VIETNAM = 84;
    /**
     * Digits after the country code of a Vietnamese subscriber number: 9 for mobiles, 10 for
     * landlines. An invalid number outside these is reported as too short or too long; some short
     * service ranges are possible lengths for libphonenumber, which would call them merely invalid.
     */
    private static final int SUBSCRIBER_MIN = 9;

    private static final int SUBSCRIBER_MAX = 10;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * @param raw the number as written; may be null
     * @return the E.164 number, or the reason it was refused ({@link PhoneRejection#EMPTY} for null or
     *     blank); never null
     */
    public static PhoneResult normalize(String raw) {
        String text = TextNormalizer.title(raw);
        if (text == null || text.isEmpty()) {
            return PhoneResult.rejected(PhoneRejection.EMPTY);
        }
        PhoneRejection wrongCharacters = checkCharacters(text);
        if (wrongCharacters != null) {
            return PhoneResult.rejected(wrongCharacters);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(text, REGION);
        } catch (NumberParseException e) {
            return PhoneResult.rejected(reasonFor(e.getErrorType()));
        }
        boolean vietnamese = number.getCountryCode() == VIETNAM;
        if (UTIL.isValidNumber(number)) {
            return PhoneResult.accepted(UTIL.format(number, PhoneNumberFormat.E164));
        }
        ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        int digits = UTIL.getNationalSignificantNumber(number).length();
        if (possible == ValidationResult.TOO_SHORT || (vietnamese && digits < SUBSCRIBER_MIN)) {
            return PhoneResult.rejected(PhoneRejection.TOO_SHORT);
        }
        if (possible == ValidationResult.TOO_LONG || (vietnamese && digits > SUBSCRIBER_MAX)) {
            return PhoneResult.rejected(PhoneRejection.TOO_LONG);
        }
        return PhoneResult.rejected(vietnamese ? PhoneRejection.NOT_VIETNAMESE : PhoneRejection.NOT_INTERNATIONAL);
    }

    private static PhoneRejection checkCharacters(String text) {
        PhoneRejection found = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                return PhoneRejection.LETTERS;
            }
            if (!Character.isDigit(cp) && "+().-/ ".indexOf(cp) < 0) {
                found = PhoneRejection.CHARACTERS;
            }
        }
        return found;
    }

    private static PhoneRejection reasonFor(NumberParseException.ErrorType error) {
        switch (error) {
            case TOO_SHORT_NSN:
            case TOO_SHORT_AFTER_IDD:
                return PhoneRejection.TOO_SHORT;
            case TOO_LONG:
                return PhoneRejection.TOO_LONG;
            case INVALID_COUNTRY_CODE:
                return PhoneRejection.NOT_INTERNATIONAL;
            default:
                return PhoneRejection.NOT_VIETNAMESE;
        }
    }
}
