package vn.gandan.routing.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

/** Test data: submissions as intake publishes them. */
final class Submissions {

    static final String HOP_MINH = "17605";

    private Submissions() {}

    static PetitionSubmitted of(PetitionKind kind, String category, String communeCode, Instant receivedAt) {
        return of(kind, category, communeCode, receivedAt, Map.of());
    }

    static PetitionSubmitted of(
            PetitionKind kind, String category, String communeCode, Instant receivedAt, Map<String, String> details) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                PetitionId.random(),
                receivedAt.plusSeconds(60),
                "40-TEST" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(),
                "portal:nghe-an-demo",
                kind,
                category,
                Channel.PORTAL,
                receivedAt,
                new Place("40", communeCode),
                "Ngã tư ngập nước",
                "Ngã tư xóm 3 ngập mỗi khi mưa, ổ gà sâu.",
                null,
                null,
                null,
                details);
    }

    /** The flooded crossroads of the source article: a recommendation about drainage in Xã Hợp Minh. */
    static PetitionSubmitted floodedCrossroads(Instant receivedAt) {
        return of(PetitionKind.RECOMMENDATION, "infrastructure.drainage", HOP_MINH, receivedAt);
    }
}
