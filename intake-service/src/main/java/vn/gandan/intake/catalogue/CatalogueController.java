package vn.gandan.intake.catalogue;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.intake.submission.Categories;

/** What a portal may send: kinds with the law that governs them, categories with the facts they ask for, channels. */
@RestController
class CatalogueController {

    /**
     * @param fields the extra facts the category asks for, sent as {@code details.<code>}
     * @param requiredFields the codes of those that must be given
     */
    record CategoryView(
            String code,
            String group,
            String nameVi,
            String nameEn,
            List<Categories.Field> fields,
            List<String> requiredFields) {}

    /**
     * @param lawRequires what each kind needs of the citizen, by kind code
     */
    record CatalogueView(
            List<Catalogue.Kind> kinds,
            List<CategoryView> categories,
            List<vn.gandan.events.Labels.Label> channels,
            Map<String, List<String>> lawRequires) {}

    private static final CatalogueView CATALOGUE = new CatalogueView(
            Catalogue.KINDS,
            Categories.ALL.stream()
                    .map(c -> new CategoryView(
                            c.code(),
                            c.group(),
                            c.nameVi(),
                            c.nameEn(),
                            c.fields(),
                            c.fields().stream()
                                    .filter(Categories.Field::required)
                                    .map(Categories.Field::code)
                                    .toList()))
                    .toList(),
            Catalogue.CHANNELS,
            Catalogue.LAW_REQUIRES);

    @GetMapping("/api/v1/catalogue")
    CatalogueView catalogue() {
        return CATALOGUE;
    }
}
