package vn.gandan.support.security;

/**
 * A key just created: its record and the secret key itself, which exists only here, to be handed once to whoever
 * asked for it. It is not stored; {@link #toString()} leaves it out.
 */
public record IssuedPortalKey(PortalKey record, String key) {

    @Override
    public String toString() {
        return "IssuedPortalKey[" + record + "]";
    }
}
