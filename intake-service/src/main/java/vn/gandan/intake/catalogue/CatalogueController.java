package vn.gandan.intake.catalogue;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.intake.submission.Categories;

/** What a portal may send: kinds with the law that governs them, categories, channels. */
@RestController
class CatalogueController {

    record Label(String code, String nameVi, String nameEn) {}

    record Kind(String code, String nameVi, String nameEn, String law) {}

    record CategoryView(String code, String group, String nameVi, String nameEn, List<String> requiredFields) {}

    record Catalogue(List<Kind> kinds, List<CategoryView> categories, List<Label> channels) {}

    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(
                    new Kind(
                            PetitionKind.RECOMMENDATION.code(),
                            "Kiến nghị, phản ánh",
                            "Recommendation or reflection",
                            "Luật Tiếp công dân 2013; Nghị định 20/2008/NĐ-CP"),
                    new Kind(PetitionKind.COMPLAINT.code(), "Khiếu nại", "Complaint", "Luật Khiếu nại 2011"),
                    new Kind(PetitionKind.DENUNCIATION.code(), "Tố cáo", "Denunciation", "Luật Tố cáo 2018")),
            Categories.ALL.stream()
                    .map(c -> new CategoryView(c.code(), c.group(), c.nameVi(), c.nameEn(), List.of()))
                    .toList(),
            List.of(
                    new Label(Channel.PORTAL.code(), "Cổng thông tin", "Portal"),
                    new Label(Channel.HOTLINE.code(), "Đường dây nóng", "Hotline"),
                    new Label(Channel.MEETING.code(), "Họp dân", "Hamlet meeting"),
                    new Label(Channel.HOUSEHOLD_VISIT.code(), "Thăm hộ gia đình", "Household visit"),
                    new Label(Channel.DIALOGUE.code(), "Hội nghị đối thoại", "Dialogue conference"),
                    new Label(Channel.EMAIL.code(), "Thư điện tử", "Email")));

    @GetMapping("/api/v1/catalogue")
    Catalogue catalogue() {
        return CATALOGUE;
    }
}
