package vn.gandan.testsupport.sweep;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The headers that authenticate a caller, with a name for reports. */
public record Credentials(String name, Map<String, String> headers) {

    public static Credentials none() {
        return new Credentials("no credentials", Map.of());
    }

    public static Credentials apiKey(String key) {
        return new Credentials(
                "portal key " + key.substring(0, Math.min(6, key.length())) + "…", Map.of("X-Api-Key", key));
    }

    public static Credentials basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Credentials("user " + user, Map.of("Authorization", "Basic " + token));
    }
}
