package vn.gandan.testsupport.sweep;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's API: a method, a path template ({@code /api/v1/cases/{petitionId}}), its parameters
 * and, when it takes one, an example JSON body to mutate field by field.
 *
 * @param body an example body (from the OpenAPI schema, or given by the test), or null when it takes none
 */
public record Operation(String method, String path, List<Param> parameters, JsonNode body) {

    public Operation {
        method = method.toUpperCase(java.util.Locale.ROOT);
        parameters = List.copyOf(parameters);
    }

    public static Operation of(String method, String path, Param... parameters) {
        return new Operation(method, path, List.of(parameters), null);
    }

    public Operation withBody(JsonNode example) {
        return new Operation(method, path, parameters, example);
    }

    public List<Param> in(Param.In where) {
        return parameters.stream().filter(p -> p.in() == where).toList();
    }

    public boolean takesBody() {
        return body != null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /**
     * A parameter.
     *
     * @param type {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}
     * @param format {@code date}, {@code date-time}, {@code int32}..., or null
     * @param example a valid-looking value, sent for the parameters a variant does not spoil
     */
    public record Param(String name, In in, String type, String format, boolean required, String example) {

        public enum In {
            PATH,
            QUERY,
            HEADER
        }

        public static Param path(String name, String example) {
            return new Param(name, In.PATH, "string", null, true, example);
        }

        public static Param query(String name, String type, String format, String example) {
            return new Param(name, In.QUERY, type, format, false, example);
        }
    }
}
