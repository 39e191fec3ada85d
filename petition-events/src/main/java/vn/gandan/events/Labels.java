package vn.gandan.events;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names of the codes events carry (kinds, channels, categories), in Vietnamese and English: the one place for
 * every service that shows them (intake's catalogue, reporting's groups). The codes are the contract (ADR 0002);
 * a name may change freely.
 */
public final class Labels {

    /** A code with its names. */
    public record Label(String code, String nameVi, String nameEn) {

        /** The name in a language: Vietnamese for {@code vi}, else English. */
        public String name(Locale language) {
            return "vi".equals(language.getLanguage()) ? nameVi : nameEn;
        }
    }

    public static final List<Label> KINDS = List.of(
            new Label(PetitionKind.RECOMMENDATION.code(), "Kiến nghị, phản ánh", "Recommendation or reflection"),
            new Label(PetitionKind.COMPLAINT.code(), "Khiếu nại", "Complaint"),
            new Label(PetitionKind.DENUNCIATION.code(), "Tố cáo", "Denunciation"));

    public static final List<Label> CHANNELS = List.of(
            new Label(Channel.PORTAL.code(), "Cổng thông tin", "Portal"),
            new Label(Channel.HOTLINE.code(), "Đường dây nóng", "Hotline"),
            new Label(Channel.MEETING.code(), "Họp dân", "Hamlet meeting"),
            new Label(Channel.HOUSEHOLD_VISIT.code(), "Thăm hộ gia đình", "Household visit"),
            new Label(Channel.DIALOGUE.code(), "Hội nghị đối thoại", "Dialogue conference"),
            new Label(Channel.EMAIL.code(), "Thư điện tử", "Email"));

    /** The categories a {@link PetitionSubmitted} may carry, in the catalogue's order. */
    public static final List<Label> CATEGORIES = List.of(
            new Label("infrastructure.roads", "Đường giao thông", "Roads"),
            new Label("infrastructure.drainage", "Thoát nước", "Drainage"),
            new Label("infrastructure.lighting", "Chiếu sáng công cộng", "Street lighting"),
            new Label("environment.pollution", "Ô nhiễm môi trường", "Pollution"),
            new Label("environment.waste", "Rác thải", "Waste"),
            new Label("land.compensation", "Bồi thường, giải phóng mặt bằng", "Land compensation"),
            new Label("land.dispute", "Tranh chấp đất đai", "Land disputes"),
            new Label("officials.conduct", "Hành vi của cán bộ, công chức", "Conduct of officials"),
            new Label("social.welfare", "An sinh xã hội", "Social welfare"),
            new Label("health", "Y tế", "Health"),
            new Label("education", "Giáo dục", "Education"),
            new Label("public_order", "An ninh, trật tự", "Public order"),
            new Label("administrative_procedures", "Thủ tục hành chính", "Administrative procedures"),
            new Label("other", "Khác", "Other"));

    private Labels() {}

    /** The label of a code among some labels. */
    public static Optional<Label> of(List<Label> labels, String code) {
        return labels.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
