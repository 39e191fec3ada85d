package vn.gandan.testsupport.sweep;

import java.util.List;

/** The hostile values the sweep sends, by where they go. */
final class Payloads {

    private Payloads() {}

    static final String TEN_KB = "A".repeat(10 * 1024);
    /** Longer than any field limit of any service (the longest, a petition's description, is 10,000). */
    static final String HUGE_TEXT = "A".repeat(100_001);

    static final String SQL = "' OR 1=1 --";
    static final List<String> MARKUP = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");
    static final List<String> CONTROL = List.of("a\u0000b", "\u001b[2J\u0007", "a\u0008\u007fb");

    /** Path segments, already percent-encoded (or deliberately not). */
    static final List<String> PATH = List.of(
            "x",
            "..",
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e",
            "%C3%28",
            "%FF%FE",
            "%ED%A0%80",
            "%00",
            "%0D%0AX-Injected:%201",
            "%7B%22%24gt%22%3A%22%22%7D",
            "%27%20OR%201%3D1%20--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            TEN_KB,
            "-1",
            "99999999999999999999",
            "x;jsessionid=1",
            "%20");

    /** Query values for any parameter, already percent-encoded. */
    static final List<String> QUERY_ANY =
            List.of("%C3%28", "%FF", "%00", TEN_KB, "%7B%22%24gt%22%3A%22%22%7D", "%5B%22%24ne%22%5D", "a%0D%0Ab");

    static final List<String> QUERY_TEXT = List.of("%27%20OR%201%3D1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E");

    static final List<String> QUERY_INTEGER = List.of("abc", "-1", "99999999999999999999", "1.5", "1e9", "1%2C5");
    static final List<String> QUERY_NUMBER = List.of("abc", "NaN", "Infinity", "1e400");
    static final List<String> QUERY_DATE = List.of("2026-13-45", "yesterday", "99999-01-01", "2026-02-30", "-1");
    static final List<String> QUERY_BOOLEAN = List.of("maybe", "2");

    /** Invalid UTF-8: a truncated sequence, a byte never in UTF-8, an encoded surrogate. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80
            });

    /**
     * An overlong encoding of {@code /}. Jackson decodes it to {@code /} (it checks neither overlong forms nor, in
     * strings, much else), so in a field it is just that character: sent only where no character is valid.
     */
    static final byte[] OVERLONG_SLASH = {(byte) 0xC0, (byte) 0xAF};
}
