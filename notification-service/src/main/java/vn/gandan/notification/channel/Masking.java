package vn.gandan.notification.channel;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Addresses as logs may show them: enough to tell two apart, not enough to reach the person. */
public final class Masking {

    /** The longest text {@link #scrub} returns: a reason is a line in a record, not a provider's whole answer. */
    static final int MAX_SCRUBBED_LENGTH = 160;

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    // Nine or more digits, optionally after a +, possibly spaced or dotted: a phone number in any common spelling.
    private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[ .-]?\\d){8,}");

    private Masking() {}

    /** {@code n***@example.vn}, {@code +8491****678}; a webhook subscription id is shown whole. */
    public static String address(String channel, String address) {
        if (address == null) {
            return null;
        }
        if ("webhook".equals(channel)) {
            return address;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.length() <= 6) {
            return "***";
        }
        return address.substring(0, 5) + "****" + address.substring(address.length() - 3);
    }

    /**
     * Free text from outside (a provider's error message, a response body) made fit for a failure reason or a log
     * line: the given secrets (tokens) replaced by {@code ***}, e-mail addresses and phone numbers masked as {@link
     * #address} masks them, control characters flattened, and the whole cut to {@value #MAX_SCRUBBED_LENGTH}
     * characters.
     *
     * @param text may be null (then null)
     * @param secrets values that must never show, e.g. the provider's token; null or blank ones are skipped
     */
    public static String scrub(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                s = s.replace(secret, "***");
            }
        }
        s = replaceAll(EMAIL, s, match -> address("email", match));
        s = replaceAll(PHONE, s, match -> address("sms", match.replaceAll("[ .-]", "")));
        s = s.replaceAll("\\p{Cntrl}+", " ").strip();
        return s.length() <= MAX_SCRUBBED_LENGTH ? s : s.substring(0, MAX_SCRUBBED_LENGTH - 1) + "\u2026";
    }

    private static String replaceAll(Pattern pattern, String text, UnaryOperator<String> mask) {
        Matcher m = pattern.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
