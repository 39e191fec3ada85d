package vn.gandan.routing.authority;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison keys for what citizens write about a body: case, accents, punctuation and spacing do not count, and the
 * usual short forms ("UBND", "Uỷ ban", "TP") equal the long ones. Both a body's names and the text asked about go
 * through the same key, so a match is an exact match of keys.
 */
final class AuthorityNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /** Longest first, so "uy ban nhan dan" is not left as "ubnd nhan dan". */
    private static final String[][] SHORT_FORMS = {
        {" uy ban nhan dan ", " ubnd "}, {" uy ban nd ", " ubnd "}, {" uy ban ", " ubnd "}, {" thanh pho ", " tp "}
    };

    private AuthorityNames() {}

    /**
     * @param text any text; null is blank
     * @return the comparison key, e.g. {@code ubnd xa hop minh} for "Ủy ban nhân dân Xã Hợp Minh"; empty for blank
     */
    static String key(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        // "đ" is a letter of its own, not "d" with a mark: NFD leaves it whole.
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " va ");
        s = " " + NOT_ALPHANUMERIC.matcher(s).replaceAll(" ").strip() + " ";
        for (String[] form : SHORT_FORMS) {
            s = s.replace(form[0], form[1]);
        }
        return s.strip();
    }

    /** "Xã Hợp Minh" → "Hợp Minh", "Tỉnh Nghệ An" → "Nghệ An": the name people use without its kind. */
    static String withoutUnitKind(String officialName) {
        for (String kind : new String[] {"Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị trấn "}) {
            if (officialName.startsWith(kind)) {
                return officialName.substring(kind.length());
            }
        }
        return officialName;
    }
}
