package vn.gandan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a portal may send, as {@code GET /api/v1/catalogue} gives it: kinds with what the law needs of the
 * citizen, categories with the extra facts ({@code details}) they ask for, channels.
 *
 * <p>A category whose required facts the generator cannot fill (a type it does not know, a choice without
 * choices), and a kind whose citizen requirement names a field it cannot fill, are left out and listed in
 * {@link #skipped()}, so that the load never sends petitions that are bound to be refused.
 *
 * @param kinds petition kinds the generator can satisfy, such as {@code recommendation}; not empty
 * @param categories categories the generator can fill; not empty
 * @param channels channel codes, such as {@code portal}; not empty
 * @param lawRequires what each kind needs of the citizen: a list of requirements, each a list of
 *     alternatives such as {@code [citizen.address, citizen.phone, citizen.email]}; kinds without an entry
 *     need nothing
 * @param skipped what was left out and why, such as {@code "category x.y: field f of type image"}
 */
public record Catalogue(
        List<String> kinds,
        List<Category> categories,
        List<String> channels,
        Map<String, List<List<String>>> lawRequires,
        List<String> skipped) {

    /** Field types the generator fills (the catalogue's {@code fields[].type}). */
    public static final Set<String> FIELD_TYPES = Set.of("text", "date", "choice");

    /** Citizen fields the generator fills (the catalogue's {@code lawRequires} paths). */
    public static final Set<String> CITIZEN_FIELDS =
            Set.of("citizen.name", "citizen.phone", "citizen.email", "citizen.address");

    /**
     * An extra fact of a category, sent as {@code details.<code>}.
     *
     * @param type {@code text}, {@code date} or {@code choice}
     * @param choices the codes a choice field takes; empty for other types
     */
    public record Field(String code, String type, boolean required, List<String> choices) {

        public Field {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(type, "type");
            choices = List.copyOf(choices);
        }
    }

    /** A category and its extra facts. */
    public record Category(String code, List<Field> fields) {

        public Category {
            Objects.requireNonNull(code, "code");
            fields = List.copyOf(fields);
        }

        public List<String> requiredFields() {
            return fields.stream().filter(Field::required).map(Field::code).toList();
        }
    }

    public Catalogue {
        kinds = List.copyOf(kinds);
        categories = List.copyOf(categories);
        channels = List.copyOf(channels);
        Map<String, List<List<String>>> copy = new LinkedHashMap<>();
        lawRequires.forEach(
                (kind, rules) -> copy.put(kind, rules.stream().map(List::copyOf).toList()));
        lawRequires = Map.copyOf(copy);
        skipped = List.copyOf(skipped);
        if (kinds.isEmpty() || categories.isEmpty() || channels.isEmpty()) {
            throw new IllegalArgumentException(
                    "the catalogue needs kinds, categories and channels (skipped: " + String.join("; ", skipped) + ")");
        }
    }

    /**
     * The catalogue intake published when this driver was last updated ({@code catalogue.json} beside this
     * class, a copy of {@code GET /api/v1/catalogue}); for tests and to compare with.
     */
    public static Catalogue builtIn() {
        try (InputStream in = Catalogue.class.getResourceAsStream("catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.json is missing beside " + Catalogue.class.getName());
            }
            return parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    JsonMapper.builder().build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The category of a code; for tests. */
    public Category category(String code) {
        return categories.stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category " + code));
    }

    /** What the law needs of the citizen for a kind; empty when nothing. */
    public List<List<String>> lawRequires(String kind) {
        return lawRequires.getOrDefault(kind, List.of());
    }

    /**
     * Reads the body of {@code GET /api/v1/catalogue}: {@code kinds[].code}, {@code categories[].code} with
     * {@code fields[]} ({@code code}, {@code type}, {@code required}, {@code choices[].code}) and {@code
     * requiredFields[]}, {@code channels[].code}, {@code lawRequires} (kind → list of {@code "a|b"}).
     *
     * @throws IllegalArgumentException if a list is missing or ends up empty
     */
    public static Catalogue parse(String json, JsonMapper mapper) {
        JsonNode root = mapper.readTree(Objects.requireNonNull(json, "json"));
        List<String> skipped = new ArrayList<>();

        Map<String, List<List<String>>> lawRequires = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> kind : root.path("lawRequires").properties()) {
            List<List<String>> rules = new ArrayList<>();
            for (JsonNode rule : kind.getValue().values()) {
                rules.add(List.of(rule.asString("").split("\\|")));
            }
            lawRequires.put(kind.getKey(), rules);
        }
        List<String> kinds = new ArrayList<>();
        for (String kind : codes(root, "kinds")) {
            List<String> unknown = lawRequires.getOrDefault(kind, List.of()).stream()
                    .filter(alternatives -> alternatives.stream().noneMatch(CITIZEN_FIELDS::contains))
                    .map(alternatives -> String.join("|", alternatives))
                    .toList();
            if (unknown.isEmpty()) {
                kinds.add(kind);
            } else {
                skipped.add("kind " + kind + ": the law requires " + String.join(", ", unknown));
            }
        }

        List<Category> categories = new ArrayList<>();
        for (JsonNode item : root.path("categories").values()) {
            String code = item.path("code").asString(null);
            if (code == null || code.isBlank()) {
                continue;
            }
            List<String> requiredCodes = new ArrayList<>();
            item.path("requiredFields").values().forEach(f -> requiredCodes.add(f.asString("")));
            List<Field> fields = new ArrayList<>();
            for (JsonNode field : item.path("fields").values()) {
                String fieldCode = field.path("code").asString("");
                List<String> choices = new ArrayList<>();
                field.path("choices")
                        .values()
                        .forEach(c -> choices.add(c.path("code").asString("")));
                fields.add(new Field(
                        fieldCode,
                        field.path("type").asString("text"),
                        field.path("required").asBoolean(false) || requiredCodes.contains(fieldCode),
                        choices));
            }
            List<String> unfillable = new ArrayList<>();
            for (String required : requiredCodes) {
                if (fields.stream().noneMatch(f -> f.code().equals(required))) {
                    unfillable.add(required + " (not among its fields)");
                }
            }
            for (Field field : fields) {
                if (field.required() && !FIELD_TYPES.contains(field.type())) {
                    unfillable.add(field.code() + " of type " + field.type());
                } else if (field.required()
                        && field.type().equals("choice")
                        && field.choices().isEmpty()) {
                    unfillable.add(field.code() + " (a choice without choices)");
                }
            }
            if (unfillable.isEmpty()) {
                // Optional fields of an unknown type are simply never sent.
                categories.add(new Category(
                        code,
                        fields.stream()
                                .filter(f -> FIELD_TYPES.contains(f.type()))
                                .filter(f -> !f.type().equals("choice")
                                        || !f.choices().isEmpty())
                                .toList()));
            } else {
                skipped.add("category " + code + ": required " + String.join(", ", unfillable));
            }
        }
        return new Catalogue(kinds, categories, codes(root, "channels"), lawRequires, skipped);
    }

    private static List<String> codes(JsonNode root, String list) {
        List<String> codes = new ArrayList<>();
        for (JsonNode item : root.path(list).values()) {
            String code = item.path("code").asString(null);
            if (code != null && !code.isBlank()) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no " + list);
        }
        return codes;
    }
}
