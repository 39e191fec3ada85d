package vn.gandan.adminunits;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison keys for Vietnamese unit names, so that spellings that differ only in case, spacing,
 * apostrophe style or tone-mark placement ("Hòa" / "Hoà", "Thủy" / "Thuỷ") compare equal.
 */
final class Names {

    private static final String TONE = "[\\u0300\\u0301\\u0303\\u0309\\u0323]";
    private static final String WORD_END = "(?![\\p{L}\\p{M}])";
    /** Old-style "òa", "òe" at the end of a syllable, in decomposed form. */
    private static final Pattern TONE_ON_O = Pattern.compile("o(" + TONE + ")([ae])" + WORD_END);
    /** Old-style "ùy" at the end of a syllable, in decomposed form. */
    private static final Pattern TONE_ON_U = Pattern.compile("u(" + TONE + ")y" + WORD_END);

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC`´]");

    private static final List<String> PROVINCE_PREFIXES = List.of("tỉnh ", "thành phố ", "tp. ", "tp ");
    private static final List<String> COMMUNE_PREFIXES = List.of("xã ", "phường ", "thị trấn ", "đặc khu ");

    private Names() {}

    /**
     * @param name must not be null
     * @return the name trimmed, with runs of white space made one space; never null
     */
    static String clean(String name) {
        String stripped = name.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(stripped.charAt(i + 1)))) {
                return SPACES.matcher(stripped).replaceAll(" ");
            }
        }
        return stripped;
    }

    /**
     * @param name must not be null
     * @return the comparison key of the whole name; never null
     */
    static String key(String name) {
        String s = Normalizer.normalize(clean(name).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = TONE_ON_O.matcher(s).replaceAll("o$2$1");
        s = TONE_ON_U.matcher(s).replaceAll("uy$1");
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * @param name a province name with or without its "Tỉnh" / "Thành phố" prefix; must not be null
     * @return the comparison key without that prefix; never null
     */
    static String provinceKey(String name) {
        return withoutPrefix(key(name), PROVINCE_PREFIXES);
    }

    /**
     * @param key a key from {@link #key(String)}; must not be null
     * @return whether it starts with a commune kind ("xã", "phường", "thị trấn", "đặc khu")
     */
    static boolean hasCommunePrefix(String key) {
        return !withoutPrefix(key, COMMUNE_PREFIXES).equals(key);
    }

    /**
     * @param key a key from {@link #key(String)}; must not be null
     * @return the key without its commune kind prefix, if any; never null
     */
    static String bareCommuneKey(String key) {
        return withoutPrefix(key, COMMUNE_PREFIXES);
    }

    private static String withoutPrefix(String key, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }
}
