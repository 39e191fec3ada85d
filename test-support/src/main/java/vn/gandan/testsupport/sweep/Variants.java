package vn.gandan.testsupport.sweep;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed requests of one operation: each spoils one thing (a path variable, a query parameter, a header, the
 * body as a whole, one field of it, the content type) and leaves the rest as the example has it.
 */
final class Variants {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /** Fields whose values name things (ids, codes, provinces): where another province's ids are tried. */
    private static final Pattern NAMES_THINGS = Pattern.compile("(?i).*(id|code|province|authority|commune).*");
    /** Stands for a field's value in the serialized body, to be replaced by raw bytes. */
    private static final String MARK = "\u0001sweep-mark\u0001";

    private final Operation operation;
    private final Settings settings;
    private final List<Probe> probes = new ArrayList<>();

    /**
     * @param foreignIds another province's ids and codes, tried in path variables and in fields that name things
     * @param dataText fields and parameters whose text is data (no SQL there: it is plain text to store)
     * @param searchText parameters that match text (neither SQL nor markup: they only find nothing)
     * @param pathValues values for path variables the variant does not spoil (default {@code x})
     */
    record Settings(
            List<String> foreignIds, Set<String> dataText, Set<String> searchText, Map<String, String> pathValues) {}

    private Variants(Operation operation, Settings settings) {
        this.operation = operation;
        this.settings = settings;
    }

    static List<Probe> of(Operation operation, Settings settings) {
        Variants variants = new Variants(operation, settings);
        variants.pathVariables();
        variants.queryParameters();
        variants.headers();
        if (operation.takesBody()) {
            variants.wholeBodies();
            variants.contentTypes();
            variants.fields(operation.body(), new ArrayList<>());
        }
        return variants.probes;
    }

    // --- path variables

    private void pathVariables() {
        for (Operation.Param param : operation.in(Operation.Param.In.PATH)) {
            List<String> values = new ArrayList<>(Payloads.PATH);
            settings.foreignIds().forEach(id -> values.add(encode(id)));
            for (String value : values) {
                add(
                        "path " + param.name() + "=" + Probe.cut(value, 40),
                        path(Map.of(param.name(), value)),
                        query(null, null),
                        Map.of(),
                        validBody());
            }
        }
    }

    // --- query parameters

    private void queryParameters() {
        List<Operation.Param> query = operation.in(Operation.Param.In.QUERY);
        for (Operation.Param param : query) {
            List<String> values = new ArrayList<>(Payloads.QUERY_ANY);
            if (settings.searchText().contains(param.name())) {
                // Text to look for: JSON-looking text finds nothing, rightly; bytes and lengths still count.
                values.removeIf(v -> v.startsWith("%7B") || v.startsWith("%5B"));
            } else {
                if (!settings.dataText().contains(param.name())) {
                    values.add(Payloads.QUERY_TEXT.get(0));
                }
                values.add(Payloads.QUERY_TEXT.get(1));
            }
            values.addAll(byType(param));
            if (NAMES_THINGS.matcher(param.name()).matches()) {
                settings.foreignIds().forEach(id -> values.add(encode(id)));
            }
            for (String value : values) {
                add(
                        "query " + param.name() + "=" + Probe.cut(value, 40),
                        path(Map.of()),
                        query(param.name(), value),
                        Map.of(),
                        validBody());
            }
            // The same parameter twice, with different values.
            String twice = query(param.name(), encode(param.example())) + "&" + param.name() + "=" + values.get(0);
            add("query " + param.name() + " twice", path(Map.of()), twice, Map.of(), validBody());
        }
        invertedRanges(query);
    }

    private static List<String> byType(Operation.Param param) {
        String format = param.format() == null ? "" : param.format();
        if (format.startsWith("date")) {
            return Payloads.QUERY_DATE;
        }
        switch (param.type()) {
            case "integer":
                return Payloads.QUERY_INTEGER;
            case "number":
                return Payloads.QUERY_NUMBER;
            case "boolean":
                return Payloads.QUERY_BOOLEAN;
            default:
                return List.of();
        }
    }

    /** {@code from} after {@code to} (and {@code xFrom} after {@code xTo}), for dates and numbers. */
    private void invertedRanges(List<Operation.Param> query) {
        for (Operation.Param from : query) {
            String name = from.name();
            String toName = name.equals("from") ? "to" : name.endsWith("From") ? name.replace("From", "To") : null;
            if (toName == null || query.stream().noneMatch(p -> p.name().equals(toName))) {
                continue;
            }
            String format = from.format() == null ? "" : from.format();
            String late =
                    format.equals("date-time") ? "2026-12-31T00:00:00Z" : format.equals("date") ? "2026-12-31" : "9";
            String early =
                    format.equals("date-time") ? "2020-01-01T00:00:00Z" : format.equals("date") ? "2020-01-01" : "1";
            String target = query(name, encode(late)) + "&" + toName + "=" + encode(early);
            add("query " + name + " after " + toName, path(Map.of()), target, Map.of(), validBody());
        }
    }

    // --- headers

    private void headers() {
        for (Operation.Param param : operation.in(Operation.Param.In.HEADER)) {
            for (String value : List.of(Payloads.TEN_KB, " ", Payloads.SQL, Payloads.MARKUP.get(0), "{\"$gt\":\"\"}")) {
                add(
                        "header " + param.name() + "=" + Probe.cut(value, 30),
                        path(Map.of()),
                        query(null, null),
                        Map.of(param.name(), value),
                        validBody());
            }
        }
    }

    // --- bodies as a whole

    private void wholeBodies() {
        String valid = json.writeValueAsString(operation.body());
        List<String> texts = List.of(
                "hello",
                valid.substring(0, valid.length() / 2),
                "",
                "[]",
                "\"text\"",
                "42",
                "null",
                "true",
                "{\"$where\":\"sleep(1000)\"}",
                "{" + "\"a\":{".repeat(2000) + "}".repeat(2001),
                "[".repeat(100_000) + "]".repeat(100_000),
                valid + " trailing",
                "{\"a\":1,}");
        for (String text : texts) {
            add(
                    "body " + Probe.cut(text.replace("\n", " "), 30),
                    path(Map.of()),
                    query(null, null),
                    json(),
                    text.getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> names = new ArrayList<>(Payloads.INVALID_UTF8);
        names.add(Payloads.OVERLONG_SLASH);
        for (byte[] bad : names) {
            byte[] body = concat(new byte[] {'{', '"'}, bad, "\":1}".getBytes(StandardCharsets.UTF_8));
            add("body invalid UTF-8 in a name", path(Map.of()), query(null, null), json(), body);
        }
    }

    private void contentTypes() {
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "application/json; charset=nonsense",
                "*/*",
                "garbage")) {
            add("content type " + type, path(Map.of()), query(null, null), Map.of("Content-Type", type), validBody());
        }
        add("no content type", path(Map.of()), query(null, null), Map.of("Content-Type", ""), validBody());
    }

    // --- fields

    /** Every field of the body, at any depth: containers get wrong shapes, scalars wrong types and hostile text. */
    private void fields(JsonNode node, List<Object> at) {
        if (node.isObject()) {
            if (!at.isEmpty()) {
                field(at, List.of(nodes.stringNode("x"), nodes.numberNode(1), nodes.arrayNode()));
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                List<Object> next = new ArrayList<>(at);
                next.add(child.getKey());
                fields(child.getValue(), next);
            }
        } else if (node.isArray()) {
            field(at, List.of(nodes.stringNode("x"), nodes.numberNode(1), nodes.objectNode()));
            if (!node.isEmpty()) {
                List<Object> first = new ArrayList<>(at);
                first.add(0);
                fields(node.get(0), first);
            }
        } else if (node.isNumber()) {
            field(
                    at,
                    List.of(
                            nodes.stringNode("12"),
                            nodes.stringNode("abc"),
                            nodes.booleanNode(true),
                            nodes.objectNode(),
                            nodes.arrayNode(),
                            nodes.numberNode(-1),
                            nodes.numberNode(1.5),
                            nodes.numberNode(new java.math.BigInteger("99999999999999999999")),
                            operator("$gt", nodes.stringNode(""))));
            raw(at, "1e400");
        } else if (node.isBoolean()) {
            field(at, List.of(nodes.stringNode("yes"), nodes.numberNode(1), nodes.objectNode()));
        } else if (node.isString() || node.isNull()) {
            textField(at);
        }
    }

    private void textField(List<Object> at) {
        String name = String.valueOf(
                at.get(at.size() - 1) instanceof Integer && at.size() > 1
                        ? at.get(at.size() - 2)
                        : at.get(at.size() - 1));
        List<JsonNode> values = new ArrayList<>(List.of(
                nodes.numberNode(12345),
                nodes.booleanNode(true),
                nodes.objectNode(),
                nodes.arrayNode(),
                operator("$gt", nodes.stringNode("")),
                operator("$ne", nodes.nullNode()),
                operator("$where", nodes.stringNode("sleep(1000)")),
                nodes.stringNode(Payloads.HUGE_TEXT)));
        if (!settings.dataText().contains(name)) {
            values.add(nodes.stringNode(Payloads.SQL));
        }
        Payloads.MARKUP.forEach(markup -> values.add(nodes.stringNode(markup)));
        Payloads.CONTROL.forEach(control -> values.add(nodes.stringNode(control)));
        if (NAMES_THINGS.matcher(name).matches()) {
            settings.foreignIds().forEach(id -> values.add(nodes.stringNode(id)));
        }
        field(at, values);
        raw(at, "\"\\ud800\"");
        for (byte[] bad : Payloads.INVALID_UTF8) {
            raw(at, concat(new byte[] {'"', 'a'}, bad, new byte[] {'"'}));
        }
    }

    private static JsonNode operator(String name, JsonNode value) {
        ObjectNode operator = nodes.objectNode();
        operator.set(name, value);
        return operator;
    }

    private void field(List<Object> at, List<JsonNode> values) {
        for (JsonNode value : values) {
            JsonNode body = replaced(at, value);
            add(
                    "body." + dotted(at) + "=" + Probe.cut(json.writeValueAsString(value), 30),
                    path(Map.of()),
                    query(null, null),
                    json(),
                    json.writeValueAsBytes(body));
        }
    }

    /** The field's value as raw JSON text or bytes, which a tree cannot hold (1e400, a lone surrogate, bad UTF-8). */
    private void raw(List<Object> at, String text) {
        raw(at, text.getBytes(StandardCharsets.UTF_8));
    }

    private void raw(List<Object> at, byte[] bytes) {
        byte[] serialized = json.writeValueAsBytes(replaced(at, nodes.stringNode(MARK)));
        byte[] mark = json.writeValueAsBytes(nodes.stringNode(MARK));
        int index = indexOf(serialized, mark);
        byte[] body = concat(
                java.util.Arrays.copyOfRange(serialized, 0, index),
                bytes,
                java.util.Arrays.copyOfRange(serialized, index + mark.length, serialized.length));
        add("body." + dotted(at) + "=raw " + Probe.printable(bytes), path(Map.of()), query(null, null), json(), body);
    }

    private JsonNode replaced(List<Object> at, JsonNode value) {
        JsonNode copy = operation.body().deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < at.size() - 1; i++) {
            parent = at.get(i) instanceof Integer ? parent.get((Integer) at.get(i)) : parent.get((String) at.get(i));
        }
        Object last = at.get(at.size() - 1);
        if (last instanceof Integer) {
            ((ArrayNode) parent).set((Integer) last, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private static String dotted(List<Object> at) {
        StringBuilder path = new StringBuilder();
        for (Object segment : at) {
            if (segment instanceof Integer) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }

    // --- building requests

    private String path(Map<String, String> spoiled) {
        String path = operation.path();
        for (Operation.Param param : operation.in(Operation.Param.In.PATH)) {
            String value = spoiled.containsKey(param.name())
                    ? spoiled.get(param.name())
                    : encode(settings.pathValues().getOrDefault(param.name(), "x"));
            path = path.replace("{" + param.name() + "}", value);
        }
        return path;
    }

    /** The required parameters with their examples, and the spoiled one (already encoded); null for none. */
    private String query(String spoiled, String value) {
        StringBuilder query = new StringBuilder();
        for (Operation.Param param : operation.in(Operation.Param.In.QUERY)) {
            if (param.name().equals(spoiled)) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(param.name())
                        .append('=')
                        .append(value);
            } else if (param.required()) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(param.name())
                        .append('=')
                        .append(encode(param.example()));
            }
        }
        return query.toString();
    }

    private byte[] validBody() {
        return operation.takesBody() ? json.writeValueAsBytes(operation.body()) : null;
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private void add(String variant, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        if ("".equals(all.get("Content-Type"))) {
            all.remove("Content-Type");
        }
        String target = query.startsWith("?") || query.isEmpty() ? path + query : path + "?" + query;
        probes.add(new Probe(operation, variant, operation.method(), target, all, body));
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("mark not found");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
