package vn.gandan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds event records. {@link #of(EventType)} gives exactly the record of the golden sample in
 * {@code src/test/resources/golden/}, so a test can compare both.
 */
final class Samples {

    static final PetitionId PETITION_ID = PetitionId.of("b7e4d2c9-1a35-4f86-8d0e-2c9f6a71e5b4");
    static final PetitionId UNPLACED_PETITION_ID = PetitionId.of("5e2b9f74-c0a8-4d13-9f67-8a1d3e6b20c9");
    static final Place HOP_MINH = new Place("40", "17605");
    static final AuthorityRef UBND_HOP_MINH = new AuthorityRef("ubnd-17605", "Ủy ban nhân dân Xã Hợp Minh", "17605");
    static final UUID NOTIFICATION_ID = UUID.fromString("0d7c4b19-e3a6-4f58-92b1-6a8e5f3d7c20");

    private Samples() {}

    static PetitionEvent of(EventType type) {
        return switch (type) {
            case PETITION_SUBMITTED -> submitted();
            case PETITION_ROUTED -> routed();
            case PETITION_ROUTING_FAILED -> routingFailed();
            case NOTIFICATION_SENT -> notificationSent();
            case NOTIFICATION_FAILED -> notificationFailed();
        };
    }

    static PetitionSubmitted submitted() {
        return new PetitionSubmitted(
                UUID.fromString("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f4a9c13"),
                PETITION_ID,
                Instant.parse("2025-09-15T01:47:13Z"),
                "NA-2025-004217",
                "dvc-nghean",
                PetitionKind.RECOMMENDATION,
                "ha_tang_thoat_nuoc",
                Channel.HOUSEHOLD_VISIT,
                Instant.parse("2025-09-15T01:32:00Z"),
                HOP_MINH,
                "Mương thoát nước xóm 3 bị tắc, nước thải tràn ra đường liên xã",
                "Từ đầu tháng 9, mương thoát nước chạy dọc đường liên xã qua xóm 3, Xã Hợp Minh bị bùn đất và rác"
                        + " lấp kín. Mỗi trận mưa nước thải tràn lên mặt đường, ngập vào sân của khoảng mười hộ dân,"
                        + " bốc mùi hôi. Bà con đề nghị Ủy ban nhân dân xã cho nạo vét mương và lắp song chắn rác"
                        + " trước mùa mưa bão.",
                null,
                "c-5b1f0e9a7c3d42e8a6b4c2d0e8f6a4b2",
                new PetitionSubmitted.RelatedPetition(PetitionId.of("0c3e5a7b-9d1f-4b2a-8c6e-1f3a5b7d9e20"), 0.82),
                java.util.Map.of("roadName", "Đường liên xã Hợp Minh – Xuân Lâm"));
    }

    /** A submitted petition with every optional part the other way round: no commune, no description, triage. */
    static PetitionSubmitted submittedForTriage() {
        return new PetitionSubmitted(
                UUID.fromString("a2d8f0c4-6e17-4b39-8c5a-94f1e3b7d062"),
                UNPLACED_PETITION_ID,
                Instant.parse("2025-09-16T03:05:40.125Z"),
                "NA-2025-004388",
                "tiep-dan-tinh-40",
                PetitionKind.COMPLAINT,
                "dat_dai",
                Channel.MEETING,
                Instant.parse("2025-09-16T02:10:00Z"),
                new Place("40", null),
                "Khiếu nại việc thu hồi đất không bồi thường",
                null,
                "Địa chỉ không khớp với xã nào sau sắp xếp đơn vị hành chính");
    }

    static PetitionRouted routed() {
        return new PetitionRouted(
                UUID.fromString("9a0d5e7b-2f41-4b6c-a8d3-71e2c4f50b86"),
                PETITION_ID,
                Instant.parse("2025-09-15T01:47:14Z"),
                UBND_HOP_MINH,
                HOP_MINH,
                "commune-default",
                3);
    }

    static PetitionRoutingFailed routingFailed() {
        return new PetitionRoutingFailed(
                UUID.fromString("c41f8e26-7d93-4a05-b6e8-0f3a9d2c7145"),
                UNPLACED_PETITION_ID,
                Instant.parse("2025-09-16T03:05:41Z"),
                new Place("40", null),
                "commune_unknown",
                "Không xác định được xã từ địa chỉ \"xóm Đồng Mới, gần chợ Hợp Minh cũ\"; cần cán bộ tiếp công dân"
                        + " tỉnh Nghệ An phân loại thủ công.");
    }

    static NotificationSent notificationSent() {
        return new NotificationSent(
                UUID.fromString("e8b3a6d1-54f2-4c9e-a17b-3d6f0c82e9a5"),
                PETITION_ID,
                Instant.parse("2025-09-15T01:47:16Z"),
                NOTIFICATION_ID,
                "new_case",
                "email",
                "authority:ubnd-17605");
    }

    static NotificationFailed notificationFailed() {
        return new NotificationFailed(
                UUID.fromString("7f1e9c3b-a6d4-4e20-8b57-c2d90a4f6e18"),
                PETITION_ID,
                Instant.parse("2025-09-15T02:17:16Z"),
                NOTIFICATION_ID,
                "new_case",
                "email",
                "authority:ubnd-17605",
                "Máy chủ thư của xã từ chối sau 5 lần gửi: hộp thư đầy (552 5.2.2).");
    }
}
