package vn.gandan.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 bodies. JSON comes from the views with the spec's snake_case names; XML is the same tree
 * under the spec's element names (its "Spark convention": a list {@code services} holds {@code service}
 * elements), with the UTF-8 declaration the spec requires and an empty element for a null.
 *
 * <p>The XML is written with the JDK's StAX writer rather than Jackson XML on purpose: with
 * {@code jackson-dataformat-xml} on the class path Spring MVC registers an XML converter for every endpoint, and
 * the native API would start answering in XML.
 */
@Component
class Open311Responses {

    /** Each list's name and the element each of its items takes in XML. */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    /** The facade's own mapper: the spec's names and nulls whatever the application's JSON settings. */
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /**
     * @param root the XML root element: the list's name for a list ({@code services}), else the resource's
     *     ({@code discovery})
     */
    ResponseEntity<byte[]> ok(Open311Format format, String root, Object body) {
        return respond(ResponseEntity.ok(), format, root, body);
    }

    ResponseEntity<byte[]> respond(
            ResponseEntity.BodyBuilder response, Open311Format format, String root, Object body) {
        return response.contentType(format.mediaType).body(bytes(format, root, body));
    }

    ResponseEntity<byte[]> errors(HttpStatusCode status, Open311Format format, List<Open311Error> errors) {
        return respond(ResponseEntity.status(status), format, "errors", errors);
    }

    /** For filters, where no controller advice reaches. */
    void writeError(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String description)
            throws IOException {
        Open311Format format = Open311Format.of(request);
        response.setStatus(status.value());
        response.setContentType(format.mediaType.toString());
        response.getOutputStream()
                .write(bytes(format, "errors", List.of(new Open311Error(status.value(), description))));
    }

    byte[] bytes(Open311Format format, String root, Object body) {
        JsonNode tree = json.valueToTree(body);
        return format == Open311Format.JSON ? json.writeValueAsBytes(tree) : xml(root, tree);
    }

    private byte[] xml(String root, JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            element(writer, root, tree);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write Open311 XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter writer, String name, JsonNode node) throws XMLStreamException {
        if (node.isNull() || node.isMissingNode()) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalStateException("no Open311 XML element for the items of " + name);
            }
            for (JsonNode value : node) {
                element(writer, item, value);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                element(writer, property.getKey(), property.getValue());
            }
        } else {
            writer.writeCharacters(xmlText(node.asString()));
        }
        writer.writeEndElement();
    }

    /** Citizens' text may hold control characters that XML 1.0 cannot carry at all, even escaped. */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
