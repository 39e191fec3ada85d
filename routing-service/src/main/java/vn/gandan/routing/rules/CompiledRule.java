package vn.gandan.routing.rules;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.gandan.events.CategoryCodes;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.authority.AuthorityType;

/**
 * A rule turned into sets and enums once per change, so that a decision compares codes and never parses or runs a
 * regular expression.
 */
final class CompiledRule {

    enum TargetKind {
        TYPE,
        DETAIL,
        FIXED
    }

    final RoutingRule rule;
    final String id;
    final int version;
    final boolean enabled;

    private final Set<PetitionKind> kinds;
    private final Set<String> categories;
    private final Set<String> groups;
    final Set<String> provinces;
    final Set<String> communes;
    final Set<AuthorityType> subjectTypes;
    final List<String> details;

    final TargetKind targetKind;
    final AuthorityType targetType;
    final String department;
    final String fromDetail;
    final String authorityId;

    /** @throws IllegalArgumentException if the rule would not pass {@link RuleValidation} */
    CompiledRule(RoutingRule rule) {
        this.rule = rule;
        this.id = require(rule.id(), "id");
        this.version = rule.version() == null ? 0 : rule.version();
        this.enabled = rule.isEnabled();
        RuleMatch match = rule.match();
        this.kinds = EnumSet.noneOf(PetitionKind.class);
        match.kinds().forEach(k -> kinds.add(PetitionKind.fromCode(require(k, "kind"))));
        this.categories = new HashSet<>();
        this.groups = new HashSet<>();
        for (String category : match.categories()) {
            if (require(category, "category").endsWith(".*")) {
                groups.add(category.substring(0, category.length() - 2));
            } else {
                categories.add(category);
            }
        }
        this.provinces = Set.copyOf(match.provinces());
        this.communes = Set.copyOf(match.communes());
        this.subjectTypes = EnumSet.noneOf(AuthorityType.class);
        match.subjectTypes().forEach(t -> subjectTypes.add(AuthorityType.fromCode(require(t, "subject type"))));
        this.details = List.copyOf(match.details());

        RuleTarget target = require(rule.target(), "target");
        if (target.kindsGiven() != 1) {
            throw new IllegalArgumentException("rule " + id + " needs exactly one target");
        }
        this.department = target.department();
        this.fromDetail = target.fromDetail();
        this.authorityId = target.authorityId();
        if (target.type() != null) {
            this.targetKind = TargetKind.TYPE;
            this.targetType = AuthorityType.fromCode(target.type());
        } else {
            this.targetKind = fromDetail != null ? TargetKind.DETAIL : TargetKind.FIXED;
            this.targetType = null;
        }
    }

    boolean acceptsKind(PetitionKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    boolean acceptsCategory(String category) {
        return (categories.isEmpty() && groups.isEmpty())
                || categories.contains(category)
                || (!groups.isEmpty() && groups.contains(CategoryCodes.group(category)));
    }

    boolean acceptsProvince(String provinceCode) {
        return provinces.isEmpty() || provinces.contains(provinceCode);
    }

    private <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " has no " + what);
        }
        return value;
    }
}
