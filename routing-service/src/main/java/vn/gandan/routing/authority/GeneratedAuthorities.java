package vn.gandan.routing.authority;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.Province;

/**
 * The directory as the admin-unit data implies it: for each province its People's Committee, departments,
 * inspectorate and police, and each commune's People's Committee. Which bodies a province has is data ({@code
 * generated-authorities.json} beside this class), so adding a department is not a code change.
 */
final class GeneratedAuthorities {

    static final String RESOURCE = "generated-authorities.json";

    /** The id of a province's or commune's People's Committee, as routing has named it from the start. */
    static final String COMMITTEE_PREFIX = "ubnd-";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Template(
            String idPrefix, String type, String department, String name, boolean parent, List<String> aliases) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Templates(LocalDate effectiveFrom, List<Template> province, Template commune) {}

    private GeneratedAuthorities() {}

    static Templates templates() {
        try (InputStream in = GeneratedAuthorities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + GeneratedAuthorities.class);
            }
            return JsonMapper.builder().build().readValue(in, Templates.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every generated body, one version each, provinces in code order, each followed by its communes. */
    static List<AuthorityHistory> of(AdminUnits units) {
        Templates templates = templates();
        List<AuthorityHistory> all = new ArrayList<>();
        for (Province province : units.provinces()) {
            String committee = COMMITTEE_PREFIX + province.code();
            for (Template template : templates.province()) {
                all.add(generate(
                        template,
                        templates.effectiveFrom(),
                        province.code(),
                        province.code(),
                        committee,
                        "{province}",
                        province.name()));
            }
            for (Commune commune : units.communesOf(province.code())) {
                all.add(generate(
                        templates.commune(),
                        templates.effectiveFrom(),
                        commune.code(),
                        province.code(),
                        committee,
                        "{commune}",
                        commune.name()));
            }
        }
        return all;
    }

    private static AuthorityHistory generate(
            Template template,
            LocalDate effectiveFrom,
            String unitCode,
            String provinceCode,
            String provinceCommittee,
            String placeholder,
            String unitName) {
        String bare = placeholder.replace("}", "Bare}");
        String id = template.idPrefix() + "-" + unitCode;
        List<String> aliases = template.aliases().stream()
                .map(alias -> fill(alias, placeholder, unitName, bare))
                .toList();
        Authority version = new Authority(
                id,
                AuthorityType.fromCode(template.type()),
                template.department(),
                fill(template.name(), placeholder, unitName, bare),
                unitCode,
                provinceCode,
                template.parent() ? provinceCommittee : null,
                aliases,
                List.of(),
                effectiveFrom,
                null);
        return new AuthorityHistory(id, provinceCode, List.of(version), null);
    }

    private static String fill(String text, String placeholder, String unitName, String barePlaceholder) {
        return text.replace(barePlaceholder, AuthorityNames.withoutUnitKind(unitName))
                .replace(placeholder, unitName);
    }
}
