package vn.gandan.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test access to the contract files: the JSON Schema and the golden sample of each event type. */
final class Contracts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Draft 2020-12 treats {@code format} as an annotation; we want uuid and date-time checked. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private Contracts() {}

    static String goldenResource(EventType type) {
        return "/golden/" + type.typeName() + ".json";
    }

    static boolean exists(String resource) {
        return Contracts.class.getResource(resource) != null;
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Contracts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] goldenBytes(EventType type) {
        return bytes(goldenResource(type));
    }

    /** A fresh, mutable copy of the golden sample. */
    static ObjectNode golden(EventType type) {
        return (ObjectNode) JSON.readTree(goldenBytes(type));
    }

    static JsonNode schemaNode(EventType type) {
        return JSON.readTree(bytes(type.schemaResource()));
    }

    static Schema schema(EventType type) {
        return SCHEMAS.getSchema(schemaNode(type));
    }

    static List<Error> validate(EventType type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    static byte[] toBytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }
}
