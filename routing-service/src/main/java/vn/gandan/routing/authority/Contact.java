package vn.gandan.routing.authority;

import java.util.Objects;

/**
 * Where an authority is reached: its office, not a citizen. Kept in routing only; events carry {@code
 * AuthorityRef}, never contacts.
 *
 * @param role who this is for: {@code responder} (handles the cases) or {@code supervisor} (hears escalations)
 * @param email may be null
 * @param phone E.164, may be null
 */
public record Contact(String role, String name, String email, String phone) {

    public static final String RESPONDER = "responder";
    public static final String SUPERVISOR = "supervisor";

    public Contact {
        Objects.requireNonNull(role, "role");
    }

    /** Never the email or phone: an authority, and so its contacts, can end up in a log line. */
    @Override
    public String toString() {
        return "Contact[role=" + role + "]";
    }
}
