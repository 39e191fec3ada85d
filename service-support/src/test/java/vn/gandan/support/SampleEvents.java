package vn.gandan.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

/** Realistic events, each with fresh ids so tests sharing a broker and a database never see each other's. */
public final class SampleEvents {

    private SampleEvents() {}

    public static PetitionSubmitted submitted(PetitionId petitionId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new PetitionSubmitted(
                UUID.randomUUID(),
                petitionId,
                now,
                "NA-2025-"
                        + String.format("%06d", Math.floorMod(petitionId.value().hashCode(), 1_000_000)),
                "dvc-nghean",
                PetitionKind.RECOMMENDATION,
                "ha_tang_thoat_nuoc",
                Channel.HOUSEHOLD_VISIT,
                now.minus(15, ChronoUnit.MINUTES),
                new Place("40", "17605"),
                "Mương thoát nước xóm 3 bị tắc, nước thải tràn ra đường liên xã",
                "Từ đầu tháng 9, mương thoát nước chạy dọc đường liên xã qua xóm 3, Xã Hợp Minh bị bùn đất và rác"
                        + " lấp kín. Bà con đề nghị Ủy ban nhân dân xã cho nạo vét mương trước mùa mưa bão.",
                null);
    }

    /** A later event about the same petition: the same facts, now flagged for an operator. */
    public static PetitionSubmitted resubmittedForTriage(PetitionSubmitted first) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                first.petitionId(),
                first.occurredAt().plusSeconds(40),
                first.trackingCode(),
                first.portalId(),
                PetitionKind.COMPLAINT,
                "dat_dai",
                Channel.MEETING,
                first.receivedAt(),
                new Place("40", null),
                "Khiếu nại việc thu hồi đất không bồi thường",
                null,
                "Địa chỉ không khớp với xã nào sau sắp xếp đơn vị hành chính");
    }
}
