package vn.gandan.routing.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.authority.AuthorityType;
import vn.gandan.routing.authority.StoredAuthorityDirectory;

/** The directory as the service generates it, in memory, for tests that need no store. */
public final class TestAuthorities {

    static final LocalDate SINCE = LocalDate.of(2025, 7, 1);

    private static final AuthorityDirectory OFFICIAL = StoredAuthorityDirectory.generated(Clock.systemUTC());

    private TestAuthorities() {}

    /** Every province's and commune's bodies. */
    public static AuthorityDirectory official() {
        return OFFICIAL;
    }

    /** The official bodies and some more, e.g. a second body of the same name, or one under a department. */
    public static AuthorityDirectory with(Authority... extra) {
        return StoredAuthorityDirectory.generated(Clock.systemUTC(), extra);
    }

    static Authority body(
            String id,
            AuthorityType type,
            String department,
            String name,
            String unit,
            String province,
            String parent) {
        return new Authority(id, type, department, name, unit, province, parent, List.of(), List.of(), SINCE, null);
    }
}
