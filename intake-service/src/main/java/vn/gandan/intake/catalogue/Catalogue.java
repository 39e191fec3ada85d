package vn.gandan.intake.catalogue;

import java.util.List;
import java.util.Map;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;

/** The labels of kinds and channels, in Vietnamese and English: one place for every API that shows them. */
public final class Catalogue {

    /** A petition kind with the law that governs it. */
    public record Kind(String code, String nameVi, String nameEn, String law) {}

    public record Label(String code, String nameVi, String nameEn) {}

    public static final List<Kind> KINDS = List.of(
            new Kind(
                    PetitionKind.RECOMMENDATION.code(),
                    "Kiến nghị, phản ánh",
                    "Recommendation or reflection",
                    "Luật Tiếp công dân 2013; Nghị định 20/2008/NĐ-CP"),
            new Kind(PetitionKind.COMPLAINT.code(), "Khiếu nại", "Complaint", "Luật Khiếu nại 2011"),
            new Kind(PetitionKind.DENUNCIATION.code(), "Tố cáo", "Denunciation", "Luật Tố cáo 2018"));

    public static final List<Label> CHANNELS = List.of(
            new Label(Channel.PORTAL.code(), "Cổng thông tin", "Portal"),
            new Label(Channel.HOTLINE.code(), "Đường dây nóng", "Hotline"),
            new Label(Channel.MEETING.code(), "Họp dân", "Hamlet meeting"),
            new Label(Channel.HOUSEHOLD_VISIT.code(), "Thăm hộ gia đình", "Household visit"),
            new Label(Channel.DIALOGUE.code(), "Hội nghị đối thoại", "Dialogue conference"),
            new Label(Channel.EMAIL.code(), "Thư điện tử", "Email"));

    /**
     * What the law needs of the citizen for each kind: complaints and denunciations must name the citizen and say
     * where to answer ({@code citizen.address}, or a phone or e-mail); recommendations may be anonymous.
     */
    public static final Map<String, List<String>> LAW_REQUIRES = Map.of(
            PetitionKind.RECOMMENDATION.code(), List.of(),
            PetitionKind.COMPLAINT.code(), List.of("citizen.name", "citizen.address|citizen.phone|citizen.email"),
            PetitionKind.DENUNCIATION.code(), List.of("citizen.name", "citizen.address|citizen.phone|citizen.email"));

    private Catalogue() {}
}
