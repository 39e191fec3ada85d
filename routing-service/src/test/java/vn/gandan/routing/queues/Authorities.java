package vn.gandan.routing.queues;

import java.time.LocalDate;
import java.util.List;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityType;

/** Test data: authorities as the generated directory has them. */
final class Authorities {

    private Authorities() {}

    /** Xã Vân Tụ's People's Committee: used by the queue tests only. */
    static Authority commune17611() {
        return new Authority(
                "ubnd-17611",
                AuthorityType.COMMUNE_PEOPLES_COMMITTEE,
                null,
                "Ủy ban nhân dân Xã Vân Tụ",
                "17611",
                "40",
                "ubnd-40",
                List.of(),
                List.of(),
                LocalDate.of(2025, 7, 1),
                null);
    }
}
