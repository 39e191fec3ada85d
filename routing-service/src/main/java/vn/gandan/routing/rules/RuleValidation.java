package vn.gandan.routing.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.events.CategoryCodes;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.authority.AuthorityDirectory;
import vn.gandan.routing.authority.AuthorityType;
import vn.gandan.support.web.FieldReason;

/**
 * Every problem of a rule or of a draft set at once, each naming its field ({@code match.categories[1]}, {@code
 * target}) and a message code ({@code gandan.routing.rule.*}), so an admin fixes a rule in one round.
 */
@Component
public class RuleValidation {

    static final String CODE = "gandan.routing.rule.";
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{3,60}");
    static final int MAX_DESCRIPTION = 2_000;
    /** A fixed authority must exist today where the admin is, whatever the server's zone. */
    private static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AuthorityDirectory directory;
    private final Clock clock;
    private final AdminUnits adminUnits = AdminUnits.official();

    @Autowired
    RuleValidation(AuthorityDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The problems of one rule; empty when it may be saved. */
    public List<FieldReason> problems(RoutingRule rule) {
        List<FieldReason> problems = new ArrayList<>();
        check(rule, "", problems);
        return problems;
    }

    /** The problems of a whole draft set, each field under {@code rules[i].}; ids must be unique in it. */
    public List<FieldReason> problems(List<RoutingRule> draft) {
        List<FieldReason> problems = new ArrayList<>();
        if (draft == null || draft.isEmpty()) {
            problems.add(FieldReason.of("rules", CODE + "draft.empty"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < draft.size(); i++) {
            RoutingRule rule = draft.get(i);
            String prefix = "rules[" + i + "].";
            if (rule == null) {
                problems.add(FieldReason.of("rules[" + i + "]", CODE + "draft.null"));
                continue;
            }
            check(rule, prefix, problems);
            if (rule.id() != null && !ids.add(rule.id())) {
                problems.add(FieldReason.of(prefix + "id", CODE + "id.duplicate", rule.id()));
            }
        }
        return problems;
    }

    private void check(RoutingRule rule, String at, List<FieldReason> problems) {
        if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
            problems.add(FieldReason.of(at + "id", CODE + "id.pattern"));
        }
        if (rule.priority() == null
                || rule.priority() < RoutingRule.MIN_PRIORITY
                || rule.priority() > RoutingRule.MAX_PRIORITY) {
            problems.add(FieldReason.of(
                    at + "priority",
                    CODE + "priority.range",
                    String.valueOf(RoutingRule.MIN_PRIORITY),
                    String.valueOf(RoutingRule.MAX_PRIORITY)));
        }
        if (rule.description() != null && rule.description().length() > MAX_DESCRIPTION) {
            problems.add(
                    FieldReason.of(at + "description", CODE + "description.too-long", String.valueOf(MAX_DESCRIPTION)));
        }
        checkMatch(rule.match(), at + "match.", problems);
        checkTarget(rule.target(), at + "target", problems);
    }

    private void checkMatch(RuleMatch match, String at, List<FieldReason> problems) {
        each(match.kinds(), at + "kinds", problems, kind -> isKind(kind) ? null : "kind.unknown");
        each(match.categories(), at + "categories", problems, c -> isCategory(c) ? null : "category.unknown");
        each(
                match.provinces(),
                at + "provinces",
                problems,
                p -> adminUnits.province(p).isPresent() ? null : "province.unknown");
        each(match.communes(), at + "communes", problems, code -> {
            var commune = adminUnits.commune(code);
            if (commune.isEmpty()) {
                return "commune.unknown";
            }
            boolean outside = !match.provinces().isEmpty()
                    && !match.provinces().contains(commune.get().provinceCode());
            return outside ? "commune.outside-provinces" : null;
        });
        each(
                match.subjectTypes(),
                at + "subjectTypes",
                problems,
                t -> RuleVocabulary.authorityType(t) != null ? null : "subject-type.unknown");
        each(
                match.details(),
                at + "details",
                problems,
                d -> RuleVocabulary.DETAILS.contains(d) ? null : "detail.unknown");
    }

    private void checkTarget(RuleTarget target, String at, List<FieldReason> problems) {
        if (target == null || target.kindsGiven() == 0) {
            problems.add(FieldReason.of(at, CODE + "target.missing"));
            return;
        }
        if (target.kindsGiven() > 1) {
            problems.add(FieldReason.of(at, CODE + "target.several"));
            return;
        }
        if (target.type() != null) {
            AuthorityType type = RuleVocabulary.authorityType(target.type());
            if (type == null) {
                problems.add(FieldReason.of(at + ".type", CODE + "target-type.unknown", target.type()));
            } else if (type == AuthorityType.PROVINCIAL_DEPARTMENT && target.department() == null) {
                problems.add(FieldReason.of(at + ".department", CODE + "department.required"));
            } else if (type != AuthorityType.PROVINCIAL_DEPARTMENT && target.department() != null) {
                problems.add(FieldReason.of(at + ".department", CODE + "department.not-allowed"));
            } else if (target.department() != null && !RuleVocabulary.DEPARTMENTS.contains(target.department())) {
                problems.add(FieldReason.of(
                        at + ".department",
                        CODE + "department.unknown",
                        target.department(),
                        String.join(", ", RuleVocabulary.DEPARTMENTS)));
            }
            return;
        }
        if (target.department() != null) {
            problems.add(FieldReason.of(at + ".department", CODE + "department.not-allowed"));
        }
        if (target.fromDetail() != null && !RuleVocabulary.FROM_DETAILS.contains(target.fromDetail())) {
            problems.add(FieldReason.of(at + ".fromDetail", CODE + "from-detail.unknown", target.fromDetail()));
        }
        if (target.authorityId() != null) {
            LocalDate today = LocalDate.now(clock.withZone(VIET_NAM));
            if (directory.find(target.authorityId(), today).isEmpty()) {
                problems.add(FieldReason.of(at + ".authorityId", CODE + "authority.unknown", target.authorityId()));
            }
        }
    }

    private interface Check {
        /** @return the message code's last part, or null when the value is fine */
        String problem(String value);
    }

    private static void each(List<String> values, String field, List<FieldReason> problems, Check check) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String problem = value == null || value.isBlank() ? "value.blank" : check.problem(value);
            if (problem != null) {
                problems.add(FieldReason.of(field + "[" + i + "]", CODE + problem, String.valueOf(value)));
            }
        }
    }

    private static boolean isKind(String code) {
        for (PetitionKind kind : PetitionKind.values()) {
            if (kind.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCategory(String code) {
        if (code.endsWith(".*")) {
            String group = code.substring(0, code.length() - 2);
            return CategoryCodes.ALL.stream()
                    .anyMatch(c -> CategoryCodes.group(c).equals(group));
        }
        return CategoryCodes.isKnown(code);
    }
}
