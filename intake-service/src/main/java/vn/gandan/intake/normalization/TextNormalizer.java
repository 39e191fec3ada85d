package vn.gandan.intake.normalization;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans text that citizens and portals send: titles on one line, bodies with their paragraphs, and
 * search keys that ignore diacritics.
 *
 * <p>Every method takes Unicode in any normalization form and returns NFC, so a decomposed "Nghệ An"
 * (as some keyboards and macOS file names produce) equals the precomposed one. Diacritics are kept,
 * except in {@link #searchKey(String)}.
 *
 * <p>What is removed everywhere: control characters (C0 and C1, and DEL) other than the white space
 * and line breaks handled below, and format characters (Unicode category Cf: zero-width space,
 * zero-width joiners, word joiner, soft hyphen, byte order mark, bidirectional marks). Removing the
 * zero-width joiner splits emoji sequences into their parts; petitions lose nothing by that.
 *
 * <p>What counts as white space: anything Java's {@code Character.isWhitespace} or {@code
 * isSpaceChar} accepts, so no-break spaces (U+00A0, U+202F) and ideographic spaces too. Line breaks
 * are LF, CR, CRLF, VT, FF, NEL (U+0085) and the line and paragraph separators (U+2028, U+2029).
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /**
     * Makes a single-line text: line breaks and runs of white space become one space, and the ends are
     * trimmed.
     *
     * @param text may be null
     * @return the cleaned text in NFC, possibly empty; null if {@code text} is null
     */
    public static String title(String text) {
        return text == null ? null : clean(text, false);
    }

    /**
     * Makes a multi-line text: each line is cleaned as by {@link #title(String)}, blank lines are
     * dropped, and the remaining lines (the paragraphs) are joined by a single {@code \n}.
     *
     * @param text may be null
     * @return the cleaned text in NFC, possibly empty, never starting or ending with a line break;
     *     null if {@code text} is null
     */
    public static String body(String text) {
        return text == null ? null : clean(text, true);
    }

    /**
     * Makes a key for comparing texts regardless of diacritics, case and punctuation: the text is
     * cleaned as by {@link #title(String)}, lower-cased, stripped of diacritics ("đ" becomes "d"), and
     * every character that is not a letter or a digit becomes a space; runs of spaces are collapsed.
     * For example, {@code "Cống thoát nước  BỊ TẮC!"} gives {@code "cong thoat nuoc bi tac"}.
     *
     * @param text may be null
     * @return the key, possibly empty; null if {@code text} is null
     */
    public static String searchKey(String text) {
        if (text == null) {
            return null;
        }
        String folded = fold(clean(text, false));
        StringBuilder key = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && key.length() > 0) {
                    key.append(' ');
                }
                space = false;
                key.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        return key.toString();
    }

    /**
     * Lower-cases and removes diacritics, leaving every other character in place.
     *
     * @param text must not be null
     * @return the folded text; never null
     */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            // "đ" does not decompose; the Icelandic eth looks the same and is typed for it.
            folded.append(c == 'đ' || c == 'ð' ? 'd' : c);
        }
        return folded.toString();
    }

    private static String clean(String text, boolean keepLines) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        boolean pendingBreak = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isLineBreak(cp)) {
                if (keepLines) {
                    pendingBreak = true;
                } else {
                    pendingSpace = true;
                }
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = true;
            } else if (isInvisible(cp)) {
                // dropped, without becoming a space: these sit inside words
            } else {
                if (out.length() > 0) {
                    if (pendingBreak) {
                        out.append('\n');
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                }
                pendingSpace = false;
                pendingBreak = false;
                out.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0B || cp == '\f' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }
}
