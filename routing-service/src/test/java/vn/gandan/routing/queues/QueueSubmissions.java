package vn.gandan.routing.queues;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

/** Test data: submissions in Nghệ An as intake publishes them (after the cases tests' {@code Submissions}). */
final class QueueSubmissions {

    /** Xã Vân Tụ: only the queue tests send petitions there, so its queue holds theirs alone. */
    static final String VAN_TU = "17611";

    static final String HOP_MINH = "17605";

    private QueueSubmissions() {}

    /** @param communeCode null for a petition without a commune: it goes to the province's triage */
    static PetitionSubmitted of(PetitionKind kind, String category, String communeCode, Instant receivedAt) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                PetitionId.random(),
                receivedAt.plusSeconds(60),
                "40-QUEUE" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(),
                "portal:nghe-an-demo",
                kind,
                category,
                Channel.PORTAL,
                receivedAt,
                new Place("40", communeCode),
                "Đường xóm hư hỏng",
                "Đường liên xóm xuống cấp, nhiều ổ gà sau mưa lũ.",
                null,
                null,
                null,
                Map.of());
    }
}
