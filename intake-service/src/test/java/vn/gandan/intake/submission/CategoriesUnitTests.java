package vn.gandan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gandan.events.CategoryCodes;
import vn.gandan.support.web.FieldReason;

class CategoriesUnitTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    final Categories.Category compensation =
            Categories.byCode("land.compensation").orElseThrow();

    @Test
    void everyCodeIsUniqueAndEveryChoiceFieldHasChoices() {
        assertThat(Categories.CODES).doesNotHaveDuplicates();
        Categories.ALL.stream()
                .flatMap(c -> c.fields().stream())
                .filter(f -> f.type() == Categories.FieldType.CHOICE)
                .forEach(f -> assertThat(f.choices()).as(f.code()).isNotEmpty());
    }

    /** Routing's rules are validated against the contract's list: the catalogue must offer exactly those. */
    @Test
    void theCatalogueOffersExactlyTheContractsCategories() {
        assertThat(Categories.CODES).containsExactlyElementsOf(CategoryCodes.ALL);
    }

    @Test
    void checksDatesAndLengths() {
        assertThat(compensation.check(Map.of("projectName", "Quốc lộ 7A", "decisionDate", "2025-07-01"), TODAY))
                .isEmpty();
        assertThat(compensation.check(Map.of("projectName", "Quốc lộ 7A", "decisionDate", "01/07/2025"), TODAY))
                .extracting(FieldReason::field)
                .containsExactly("details.decisionDate");
        assertThat(compensation.check(Map.of("projectName", "Quốc lộ 7A", "decisionDate", "2026-11-24"), TODAY))
                .extracting(r -> r.reason().code())
                .containsExactly("gandan.intake.details.future");
        assertThat(compensation.check(Map.of("projectName", "đ".repeat(501)), TODAY))
                .extracting(FieldReason::field)
                .containsExactly("details.projectName");
    }

    @Test
    void aCategoryWithoutFieldsTakesNone() {
        Categories.Category other = Categories.byCode("other").orElseThrow();
        assertThat(other.check(null, TODAY)).isEmpty();
        assertThat(other.check(Map.of("x", "y"), TODAY))
                .extracting(FieldReason::field)
                .containsExactly("details.x");
    }

    @Test
    void portalCodesMapOnlyToCatalogueCodes() {
        var mapping = new PortalCategories(Map.of("nghe-an", Map.of("GT-01", "infrastructure.roads")));
        assertThat(mapping.toCatalogue("nghe-an", "GT-01")).isEqualTo("infrastructure.roads");
        assertThat(mapping.toCatalogue("nghe-an", "health")).isEqualTo("health");
        assertThat(mapping.toCatalogue("ha-tinh", "GT-01")).isEqualTo("GT-01");
        assertThatThrownBy(() -> new PortalCategories(Map.of("nghe-an", Map.of("GT-01", "roads"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("roads");
    }
}
