package vn.gandan.intake.open311;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.gandan.intake.catalogue.Catalogue;
import vn.gandan.intake.open311.Open311Views.Attribute;
import vn.gandan.intake.open311.Open311Views.Service;
import vn.gandan.intake.open311.Open311Views.ServiceDefinition;
import vn.gandan.intake.open311.Open311Views.Value;
import vn.gandan.intake.submission.Categories;
import vn.gandan.intake.submission.Categories.Category;

/**
 * The category catalogue as Open311 services: one service per category, each asking for the petition's kind (the
 * law that governs it), so every service has {@code metadata} true.
 */
final class Open311Catalogue {

    /** Sortable; change it whenever the services or their definitions change, so clients refresh their caches. */
    static final String CHANGESET = "2026-11-23 00:00";

    static final String KIND = "kind";
    static final String CHANNEL = "channel";

    static final List<Value> KINDS = Catalogue.KINDS.stream()
            .map(kind -> new Value(kind.code(), kind.nameVi()))
            .toList();

    static final List<Value> CHANNELS = Catalogue.CHANNELS.stream()
            .map(channel -> new Value(channel.code(), channel.nameVi()))
            .toList();

    private static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute(
                    true,
                    KIND,
                    "singlevaluelist",
                    true,
                    null,
                    1,
                    "Loại đơn: kiến nghị, phản ánh; khiếu nại; tố cáo (the kind of petition, which decides the law"
                            + " and its time limits)",
                    KINDS),
            new Attribute(
                    true,
                    CHANNEL,
                    "singlevaluelist",
                    false,
                    null,
                    2,
                    "Kênh tiếp nhận (how the citizen raised it); cổng thông tin (portal) if not given",
                    CHANNELS));

    private Open311Catalogue() {}

    static List<Service> services() {
        return Categories.ALL.stream().map(Open311Catalogue::service).toList();
    }

    /** The kind and channel every service asks for, then the category's own facts as {@code attribute[code]}. */
    static Optional<ServiceDefinition> definition(String code) {
        return Categories.byCode(code).map(c -> {
            List<Attribute> attributes = new ArrayList<>(ATTRIBUTES);
            for (Categories.Field field : c.fields()) {
                attributes.add(attribute(field, attributes.size() + 1));
            }
            return new ServiceDefinition(c.code(), attributes);
        });
    }

    private static Attribute attribute(Categories.Field field, int order) {
        String datatype =
                switch (field.type()) {
                    case TEXT -> "string";
                    case DATE -> "datetime";
                    case CHOICE -> "singlevaluelist";
                };
        return new Attribute(
                true,
                field.code(),
                datatype,
                field.required(),
                field.type() == Categories.FieldType.DATE ? "A date, e.g. 2025-07-01" : null,
                order,
                field.nameVi() + " (" + field.nameEn() + ")",
                field.choices().stream()
                        .map(choice -> new Value(choice.code(), choice.nameVi()))
                        .toList());
    }

    /** The Vietnamese name of a category, or its code if the catalogue no longer has it. */
    static String serviceName(String code) {
        return Categories.byCode(code).map(Category::nameVi).orElse(code);
    }

    private static Service service(Category category) {
        return new Service(
                category.code(),
                category.nameVi(),
                category.nameEn(),
                true,
                "realtime",
                keywords(category),
                category.group());
    }

    private static String keywords(Category category) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (String word : List.of(category.nameVi(), category.nameEn(), category.group())) {
            if (seen.add(word.toLowerCase(Locale.ROOT))) {
                keywords.add(word);
            }
        }
        return String.join(", ", keywords);
    }
}
