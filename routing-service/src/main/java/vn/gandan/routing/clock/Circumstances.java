package vn.gandan.routing.clock;

import java.util.Objects;

/**
 * What about a case changes its limit: its complexity, and whether it lies in a remote or difficult area.
 *
 * @param complexity must not be null
 */
public record Circumstances(Complexity complexity, boolean remoteArea) {

    public static final Circumstances ORDINARY = new Circumstances(Complexity.ORDINARY, false);

    public Circumstances {
        Objects.requireNonNull(complexity, "complexity");
    }

    public static Circumstances of(Complexity complexity) {
        return new Circumstances(complexity, false);
    }

    public Circumstances inRemoteArea() {
        return new Circumstances(complexity, true);
    }
}
