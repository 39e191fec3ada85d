package vn.gandan.testsupport.sweep;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One malformed request, as sent.
 *
 * @param variant what is wrong with it, e.g. {@code body.title: <script>}
 * @param target the path and query, percent-encoded as sent
 * @param body raw bytes, possibly not UTF-8, possibly not JSON; null for none
 */
public record Probe(
        Operation operation, String variant, String method, String target, Map<String, String> headers, byte[] body) {

    public Probe {
        headers = Map.copyOf(headers);
    }

    Probe withHeaders(String variantSuffix, Map<String, String> replaced) {
        return new Probe(operation, variant + variantSuffix, method, target, replaced, body);
    }

    /** The request in a line or two: bodies and long values cut, bytes outside printable ASCII escaped. */
    public String describe() {
        StringBuilder line = new StringBuilder(method).append(' ').append(cut(target, 160));
        if (body != null) {
            line.append(" body=")
                    .append(cut(printable(body), 160))
                    .append(" (")
                    .append(body.length)
                    .append(" B)");
        }
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("X-Api-Key")) {
                line.append(' ').append(name).append(": ").append(cut(value, 60));
            }
        });
        return line.toString();
    }

    static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        String decoded = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < decoded.length() && text.length() < 400; i++) {
            char c = decoded.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                text.append(c);
            } else {
                text.append(String.format("\\x%02X", (int) c));
            }
        }
        return text.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }
}
