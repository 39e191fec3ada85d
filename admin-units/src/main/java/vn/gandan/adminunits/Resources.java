package vn.gandan.adminunits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the bundled JSON data into plain maps, lists and strings.
 *
 * <p>Uses Jackson's streaming parser only: building a databind {@code JsonMapper} costs several
 * hundred milliseconds of class loading on a cold JVM, more than parsing the data itself.
 */
final class Resources {

    private Resources() {}

    /**
     * @param name a resource name relative to this package; must not be null
     * @return the parsed JSON value: a {@code Map<String, Object>}, {@code List<Object>}, {@code
     *     String}, {@code Number}, {@code Boolean} or null
     * @throws IllegalStateException if the resource is missing or is not valid JSON
     */
    static Object readJson(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data not found on the class path: " + name);
            }
            try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
                parser.nextToken();
                return read(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data " + name, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("bundled data is not valid JSON: " + name, e);
        }
    }

    private static Object read(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IllegalStateException("unexpected end of JSON");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new HashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.put(field, read(parser));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /**
     * @param value must not be null
     * @param what describes the value, for the error message; must not be null
     * @return the value as a JSON array; never null
     * @throws IllegalStateException if it is not an array
     */
    static List<?> asArray(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("bundled data: expected " + what + " to be a JSON array");
        }
        return list;
    }

    /**
     * @param value must not be null
     * @return the value as a JSON object; never null
     * @throws IllegalStateException if it is not an object
     */
    static Map<?, ?> asObject(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("bundled data: expected a JSON object, got " + abbreviate(value));
        }
        return map;
    }

    /**
     * @param value a JSON object; must not be null
     * @param field must not be null
     * @return the field's string value; never null
     * @throws IllegalStateException if value is not an object, or the field is missing or not a string
     */
    static String string(Object value, String field) {
        Object found = asObject(value).get(field);
        if (!(found instanceof String string)) {
            throw new IllegalStateException(
                    "bundled data: expected a string \"" + field + "\" in " + abbreviate(value));
        }
        return string;
    }

    /**
     * @param value a JSON object; must not be null
     * @param field must not be null
     * @return the field's array value; never null
     * @throws IllegalStateException if value is not an object, or the field is missing or not an array
     */
    static List<?> array(Object value, String field) {
        Object found = asObject(value).get(field);
        if (!(found instanceof List<?> list)) {
            throw new IllegalStateException(
                    "bundled data: expected an array \"" + field + "\" in " + abbreviate(value));
        }
        return list;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
