package vn.gandan.deploy.manifests;

import java.util.List;
import java.util.Map;

/** Reading parsed Kubernetes manifests (maps and lists from SnakeYAML) without a client library. */
final class Manifest {

    private Manifest() {}

    /** The value at {@code path}, or null (an empty list for a missing list is up to the caller). */
    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> manifest, String... path) {
        Object current = manifest;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        if (current == null
                && path.length > 0
                && List.of("env", "envFrom", "triggers").contains(path[path.length - 1])) {
            return (T) List.of();
        }
        return (T) current;
    }

    static String name(Map<String, Object> manifest) {
        return at(manifest, "metadata", "name");
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        return containers == null ? List.of() : containers;
    }
}
