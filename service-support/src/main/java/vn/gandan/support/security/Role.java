package vn.gandan.support.security;

/** What a caller does in gandan. */
public enum Role {
    /** A provincial portal or desk system submitting petitions (machine). */
    PORTAL,
    /** Watches queues and fixes routing in a provincial office. */
    OPERATOR,
    /** An official of the assigned authority. */
    RESPONDER,
    /** Reads reports. */
    ANALYST,
    /** Nationwide administration; the only role without a province. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
