package vn.gandan.testsupport.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations an OpenAPI 3 document describes, each with an example body built from its JSON schema: every
 * property present (required or not), the first enum value, a date for dates, 1 for numbers, {@code "x"} for
 * strings. The example is a shape to spoil, rarely a valid request; a test gives valid bodies where it matters.
 */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    public static List<Operation> read(String openApiJson) {
        return new OpenApiOperations(JsonMapper.builder().build().readTree(openApiJson)).operations();
    }

    private List<Operation> operations() {
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isObject()) {
                    found.add(operation(method, path.getKey(), path.getValue(), operation));
                }
            }
        }
        return found;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<Operation.Param> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                Operation.Param param = parameter(resolve(parameter));
                if (param != null) {
                    parameters.add(param);
                }
            }
        }
        JsonNode body = null;
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        for (Map.Entry<String, JsonNode> type : content.properties()) {
            if (type.getKey().toLowerCase(Locale.ROOT).contains("json")) {
                body = example(type.getValue().path("schema"), new HashSet<>());
                break;
            }
        }
        return new Operation(method, path, parameters, body);
    }

    private Operation.Param parameter(JsonNode parameter) {
        Operation.Param.In in;
        switch (parameter.path("in").asString("")) {
            case "path":
                in = Operation.Param.In.PATH;
                break;
            case "query":
                in = Operation.Param.In.QUERY;
                break;
            case "header":
                in = Operation.Param.In.HEADER;
                break;
            default:
                return null;
        }
        JsonNode schema = resolve(parameter.path("schema"));
        String type = type(schema);
        if ("object".equals(type) && in == Operation.Param.In.QUERY) {
            // A controller argument springdoc could not see through (the caller, resolved from security).
            return null;
        }
        String format = schema.path("format").isString() ? schema.path("format").asString() : null;
        JsonNode example = example(schema, new HashSet<>());
        String text = example.isArray() && !example.isEmpty() ? example.get(0).asString() : example.asString();
        return new Operation.Param(
                parameter.path("name").asString(),
                in,
                type,
                format,
                parameter.path("required").asBoolean(false),
                text);
    }

    /** An example value of a schema; {@code seen} stops recursive schemas. */
    JsonNode example(JsonNode schema, Set<String> seen) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (!seen.add(ref)) {
                return nodes.nullNode();
            }
            JsonNode value = example(resolve(schema), seen);
            seen.remove(ref);
            return value;
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combined).isArray() && !schema.path(combined).isEmpty()) {
                return example(schema.path(combined).get(0), seen);
            }
        }
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        String type = type(schema);
        String format = schema.path("format").asString("");
        switch (type) {
            case "object":
                ObjectNode object = nodes.objectNode();
                schema.path("properties")
                        .properties()
                        .forEach(p -> object.set(p.getKey(), example(p.getValue(), seen)));
                if (object.isEmpty() && schema.path("additionalProperties").isObject()) {
                    object.set("a", example(schema.path("additionalProperties"), seen));
                }
                return object;
            case "array":
                ArrayNode array = nodes.arrayNode();
                array.add(example(schema.path("items"), seen));
                return array;
            case "integer":
                return nodes.numberNode(1);
            case "number":
                return nodes.numberNode(1.5);
            case "boolean":
                return nodes.booleanNode(true);
            default:
                switch (format) {
                    case "date":
                        return nodes.stringNode("2026-01-01");
                    case "date-time":
                        return nodes.stringNode("2026-01-01T00:00:00Z");
                    case "uuid":
                        return nodes.stringNode("00000000-0000-4000-8000-000000000000");
                    default:
                        return nodes.stringNode("x");
                }
        }
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") || schema.has("additionalProperties") ? "object" : "string";
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return nodes.objectNode();
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
