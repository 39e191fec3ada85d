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

    /** A recommendation about street lights, sent to the wrong commune, then overdue and escalated. */
    static final PetitionId STREET_LIGHTS_PETITION_ID = PetitionId.of("6d2f8b41-93ae-4c57-b0e6-2a7c9f15d384");
    /** A complaint whose first-level decision the citizen contests: a second-level complaint. */
    static final PetitionId SECOND_LEVEL_PETITION_ID = PetitionId.of("e5a91c07-3b6d-4f28-9a4e-7c0d2b8f6163");
    /** A complaint filed after its time limit. */
    static final PetitionId LATE_COMPLAINT_PETITION_ID = PetitionId.of("8b3d6f2a-5c19-4e07-a4d8-1f6b9e3c7a52");

    static final AuthorityRef UBND_XUAN_LAM = new AuthorityRef("ubnd-17779", "Ủy ban nhân dân Xã Xuân Lâm", "17779");
    static final AuthorityRef UBND_NGHE_AN = new AuthorityRef("ubnd-40", "Ủy ban nhân dân tỉnh Nghệ An", "40");

    static final String RECOMMENDATION_ACCEPTANCE = "recommendation.acceptance@2025-07-01";
    static final String RECOMMENDATION_RESOLUTION = "recommendation.resolution@2025-07-01";
    static final Deadline ACCEPTANCE_HOP_MINH =
            new Deadline(Deadline.ACCEPTANCE, Instant.parse("2025-09-29T16:59:59Z"), RECOMMENDATION_ACCEPTANCE);
    static final Deadline RESOLUTION_HOP_MINH =
            new Deadline(Deadline.RESOLUTION, Instant.parse("2025-10-17T16:59:59Z"), RECOMMENDATION_RESOLUTION);
    /** The resolution deadline moved by the three days the clock stood still. */
    static final Deadline RESOLUTION_AFTER_PAUSE =
            new Deadline(Deadline.RESOLUTION, Instant.parse("2025-10-20T16:59:59Z"), RECOMMENDATION_RESOLUTION);

    static final Deadline RESOLUTION_EXTENDED =
            new Deadline(Deadline.RESOLUTION, Instant.parse("2025-11-03T16:59:59Z"), RECOMMENDATION_RESOLUTION);
    static final Deadline ACCEPTANCE_XUAN_LAM =
            new Deadline(Deadline.ACCEPTANCE, Instant.parse("2025-10-02T16:59:59Z"), RECOMMENDATION_ACCEPTANCE);
    static final Deadline ESCALATION_REPLY =
            new Deadline(Deadline.REPLY, Instant.parse("2025-10-10T16:59:59Z"), "escalation.overdue@2025-07-01");
    static final Deadline SECOND_LEVEL_ACCEPTANCE =
            new Deadline(Deadline.ACCEPTANCE, Instant.parse("2025-12-04T16:59:59Z"), "complaint.acceptance@2025-07-01");

    private Samples() {}

    static PetitionEvent of(EventType type) {
        return switch (type) {
            case PETITION_SUBMITTED -> submitted();
            case CITIZEN_NOTIFICATIONS_CONSENTED -> notificationsConsented();
            case CITIZEN_NOTIFICATIONS_WITHDRAWN -> notificationsWithdrawn();
            case PETITION_ROUTED -> routed();
            case PETITION_ROUTING_FAILED -> routingFailed();
            case PETITION_ACKNOWLEDGED -> acknowledged();
            case PETITION_TRANSFERRED -> transferred();
            case PETITION_DEADLINE_EXTENDED -> deadlineExtended();
            case PETITION_CLOCK_PAUSED -> clockPaused();
            case PETITION_CLOCK_RESUMED -> clockResumed();
            case PETITION_RESOLVED -> resolved();
            case PETITION_REJECTED -> rejected();
            case PETITION_CLOSED -> closed();
            case PETITION_REOPENED -> reopened();
            case PETITION_DEADLINE_APPROACHING -> deadlineApproaching();
            case PETITION_OVERDUE -> overdue();
            case PETITION_ESCALATED -> escalated();
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

    /** The citizen of {@link #submitted()} asked to be told by e-mail, SMS and Zalo, in Vietnamese. */
    static CitizenNotificationsConsented notificationsConsented() {
        return new CitizenNotificationsConsented(
                UUID.fromString("4a9d7e21-c3b8-4f56-9e0a-1d2c7b8f3e64"),
                PETITION_ID,
                Instant.parse("2025-09-15T01:47:13Z"),
                "NA-2025-004217",
                "vi",
                "nguyen.van.an@example.vn",
                "+84912345678",
                "+84912345678");
    }

    static CitizenNotificationsWithdrawn notificationsWithdrawn() {
        return new CitizenNotificationsWithdrawn(
                UUID.fromString("c61f0b38-2e7d-4a95-b4c1-8f3a6d9e2b07"),
                PETITION_ID,
                Instant.parse("2025-09-22T03:12:40Z"));
    }

    static PetitionRouted routed() {
        return new PetitionRouted(
                UUID.fromString("9a0d5e7b-2f41-4b6c-a8d3-71e2c4f50b86"),
                PETITION_ID,
                Instant.parse("2025-09-15T01:47:14Z"),
                UBND_HOP_MINH,
                HOP_MINH,
                "commune-default",
                3,
                ACCEPTANCE_HOP_MINH);
    }

    /** The routed golden sample as it was before routing set deadlines: without {@code deadline}. */
    static PetitionRouted routedWithoutDeadline() {
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

    static PetitionAcknowledged acknowledged() {
        return new PetitionAcknowledged(
                UUID.fromString("98e472f8-acc7-4a96-981e-a8711ffee76c"),
                PETITION_ID,
                Instant.parse("2025-09-17T02:15:00Z"),
                UBND_HOP_MINH,
                RESOLUTION_HOP_MINH);
    }

    static PetitionClockPaused clockPaused() {
        return new PetitionClockPaused(
                UUID.fromString("b8ecc05c-d912-4492-8cea-622d26a0cada"),
                PETITION_ID,
                Instant.parse("2025-09-22T03:40:00Z"),
                UBND_HOP_MINH,
                "Chờ công dân cho biết vị trí cụ thể đoạn mương bị tắc để tổ công tác của xã khảo sát hiện trường.");
    }

    static PetitionClockResumed clockResumed() {
        return new PetitionClockResumed(
                UUID.fromString("936bdf8c-cfed-4134-861d-d75e94a5cb7b"),
                PETITION_ID,
                Instant.parse("2025-09-25T01:05:00Z"),
                UBND_HOP_MINH,
                RESOLUTION_AFTER_PAUSE);
    }

    static PetitionDeadlineExtended deadlineExtended() {
        return new PetitionDeadlineExtended(
                UUID.fromString("a5f217cb-b1c0-4a89-a48b-98198c0053b4"),
                PETITION_ID,
                Instant.parse("2025-10-13T08:20:00Z"),
                UBND_HOP_MINH,
                RESOLUTION_AFTER_PAUSE,
                RESOLUTION_EXTENDED,
                "Cần lập dự toán nạo vét khoảng 450 m mương và bố trí kinh phí từ nguồn dự phòng ngân sách xã trước khi"
                        + " trả lời.");
    }

    static PetitionDeadlineApproaching deadlineApproaching() {
        return new PetitionDeadlineApproaching(
                UUID.fromString("3ec35f9c-bf5b-4462-8d78-c350efbf3fbb"),
                PETITION_ID,
                Instant.parse("2025-10-30T01:00:00Z"),
                UBND_HOP_MINH,
                RESOLUTION_EXTENDED);
    }

    static PetitionResolved resolved() {
        return new PetitionResolved(
                UUID.fromString("b2b94caf-a663-4ca8-930e-e6d0dd86b74f"),
                PETITION_ID,
                Instant.parse("2025-10-31T09:10:00Z"),
                UBND_HOP_MINH,
                "Ủy ban nhân dân Xã Hợp Minh trả lời kiến nghị về mương thoát nước xóm 3 như sau: ngày 20/10/2025, Ủy"
                        + " ban đã giao tổ công tác nạo vét toàn bộ 450 m mương dọc đường liên xã Hợp Minh – Xuân Lâm và"
                        + " lắp 6 song chắn rác tại các cửa thu nước; công việc hoàn thành ngày 29/10/2025. Ủy ban giao"
                        + " Ban công tác Mặt trận xóm 3 vận động bà con không đổ rác xuống mương và báo ngay cho Ủy ban"
                        + " khi mương có dấu hiệu tắc trở lại.");
    }

    static PetitionClosed closed() {
        return new PetitionClosed(
                UUID.fromString("b2e71c30-7561-4b78-861a-bc96997eede7"),
                PETITION_ID,
                Instant.parse("2025-11-07T02:00:00Z"),
                UBND_HOP_MINH);
    }

    static PetitionTransferred transferred() {
        return new PetitionTransferred(
                UUID.fromString("4ef1e6eb-118f-44a7-81c4-54f8104ad8ae"),
                STREET_LIGHTS_PETITION_ID,
                Instant.parse("2025-09-18T07:30:00Z"),
                UBND_HOP_MINH,
                UBND_XUAN_LAM,
                "Đoạn đường có 12 cột đèn chiếu sáng bị hỏng nằm từ cầu Khe Cát về phía Xuân Lâm, thuộc địa bàn do Ủy"
                        + " ban nhân dân Xã Xuân Lâm quản lý.",
                ACCEPTANCE_XUAN_LAM);
    }

    static PetitionOverdue overdue() {
        return new PetitionOverdue(
                UUID.fromString("1c4c22d0-297f-4500-966b-702b2628a75f"),
                STREET_LIGHTS_PETITION_ID,
                Instant.parse("2025-10-02T17:00:12Z"),
                UBND_XUAN_LAM,
                ACCEPTANCE_XUAN_LAM);
    }

    static PetitionEscalated escalated() {
        return new PetitionEscalated(
                UUID.fromString("523b8dad-ae4d-432b-b972-f1576f5a970a"),
                STREET_LIGHTS_PETITION_ID,
                Instant.parse("2025-10-03T01:00:00Z"),
                UBND_XUAN_LAM,
                UBND_NGHE_AN,
                ESCALATION_REPLY,
                "Ủy ban nhân dân Xã Xuân Lâm chưa tiếp nhận kiến nghị khi hết hạn ngày 02/10/2025; theo quy chế, chuyển"
                        + " Ủy ban nhân dân tỉnh đôn đốc giải quyết.");
    }

    static PetitionReopened reopened() {
        return new PetitionReopened(
                UUID.fromString("cd4921e7-1960-499b-9b48-503716f9fff7"),
                SECOND_LEVEL_PETITION_ID,
                Instant.parse("2025-11-20T02:30:00Z"),
                UBND_NGHE_AN,
                "Công dân khiếu nại lần hai, không đồng ý với Quyết định giải quyết khiếu nại lần đầu số 215/QĐ-UBND"
                        + " ngày 28/10/2025 của Chủ tịch Ủy ban nhân dân Xã Hợp Minh.",
                SECOND_LEVEL_ACCEPTANCE);
    }

    static PetitionRejected rejected() {
        return new PetitionRejected(
                UUID.fromString("02c34036-3796-41b8-b0d5-d237a5bf84b7"),
                LATE_COMPLAINT_PETITION_ID,
                Instant.parse("2025-09-26T03:00:00Z"),
                UBND_HOP_MINH,
                PetitionRejected.NOT_ACCEPTED,
                "Ủy ban nhân dân Xã Hợp Minh không thụ lý đơn khiếu nại vì đã hết thời hiệu: quyết định bị khiếu nại"
                        + " ban hành ngày 12/3/2025, đơn được gửi ngày 22/9/2025, quá 90 ngày theo Luật Khiếu nại 2011 mà"
                        + " không nêu lý do chính đáng. Công dân có thể khởi kiện vụ án hành chính tại Tòa án nhân dân có"
                        + " thẩm quyền nếu còn thời hiệu khởi kiện.");
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
