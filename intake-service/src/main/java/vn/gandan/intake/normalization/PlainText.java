package vn.gandan.intake.normalization;

import java.util.Optional;

/**
 * Whether a citizen's text is plain text (docs/adr/0014-hostile-input.md). Refused: markup, that is {@code <}
 * followed by a letter, {@code /}, {@code !} or {@code ?} (a tag, a closing tag, a comment or declaration, a
 * processing instruction); control characters other than tab, line feed and carriage return; halves of a surrogate
 * pair without the other half. Everything else is text, stored as written (after {@link TextNormalizer}): "a < b",
 * "<3", quotes, {@code ' OR 1=1 --}, braces and dollar signs included. Nothing is ever rendered as HTML, so this is
 * not what keeps pages safe (escaping on output is); it keeps stored petitions free of what no citizen writes.
 */
public final class PlainText {

    public static final String MARKUP = "gandan.intake.text.markup";
    public static final String CONTROL = "gandan.intake.text.control";

    private PlainText() {}

    /** @return the message code of what is wrong, or empty for plain text (and for null) */
    public static Optional<String> trouble(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' && i + 1 < text.length() && opensMarkup(text.charAt(i + 1))) {
                return Optional.of(MARKUP);
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(CONTROL);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(CONTROL);
            }
        }
        return Optional.empty();
    }

    private static boolean opensMarkup(char next) {
        return (next >= 'a' && next <= 'z')
                || (next >= 'A' && next <= 'Z')
                || next == '/'
                || next == '!'
                || next == '?';
    }
}
