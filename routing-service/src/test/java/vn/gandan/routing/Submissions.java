package vn.gandan.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

/** Test data: submissions in Nghệ An as intake publishes them. */
public final class Submissions {

    /** Xã Hợp Minh, whose People's Committee is ubnd-17605. */
    public static final String HOP_MINH = "17605";

    /** Xã Vân Tụ: only the queue tests send petitions there, so its queue holds theirs alone. */
    public static final String VAN_TU = "17611";

    private Submissions() {}

    public static PetitionSubmitted of(PetitionKind kind, String category, String communeCode, Instant receivedAt) {
        return of(kind, category, communeCode, receivedAt, Map.of());
    }

    public static PetitionSubmitted of(
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

    /** Phường Thành Vinh, whose People's Committee is ubnd-16681: only the historical-petition tests send there. */
    public static final String THANH_VINH = "16681";

    /** The same petition as a portal imports it from its records (ADR 0017), as intake publishes it. */
    public static PetitionSubmitted historical(PetitionSubmitted live) {
        return new PetitionSubmitted(
                live.eventId(),
                live.petitionId(),
                live.occurredAt(),
                live.trackingCode(),
                live.portalId(),
                live.kind(),
                live.category(),
                live.channel(),
                live.receivedAt(),
                live.place(),
                live.title(),
                live.description(),
                live.triageReason(),
                live.citizenRef(),
                live.relatedTo(),
                live.details(),
                true);
    }

    /** The flooded crossroads of the source article: a recommendation about drainage in Xã Hợp Minh. */
    public static PetitionSubmitted floodedCrossroads(Instant receivedAt) {
        return of(PetitionKind.RECOMMENDATION, "infrastructure.drainage", HOP_MINH, receivedAt);
    }
}
