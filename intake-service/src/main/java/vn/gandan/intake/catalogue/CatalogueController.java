package vn.gandan.intake.catalogue;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.intake.submission.Categories;

/** What a portal may send: kinds with the law that governs them, categories, channels. */
@RestController
class CatalogueController {

    record CategoryView(String code, String group, String nameVi, String nameEn, List<String> requiredFields) {}

    record CatalogueView(List<Catalogue.Kind> kinds, List<CategoryView> categories, List<Catalogue.Label> channels) {}

    private static final CatalogueView CATALOGUE = new CatalogueView(
            Catalogue.KINDS,
            Categories.ALL.stream()
                    .map(c -> new CategoryView(c.code(), c.group(), c.nameVi(), c.nameEn(), List.of()))
                    .toList(),
            Catalogue.CHANNELS);

    @GetMapping("/api/v1/catalogue")
    CatalogueView catalogue() {
        return CATALOGUE;
    }
}
