package vn.gandan.routing.rules.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.routing.rules.RoutingRule;
import vn.gandan.routing.rules.RoutingRuleBook;
import vn.gandan.routing.rules.RoutingSimulation;
import vn.gandan.routing.rules.RuleMatch;
import vn.gandan.routing.rules.RuleTarget;
import vn.gandan.routing.rules.RuleValidation;
import vn.gandan.routing.rules.RuleVersion;
import vn.gandan.routing.rules.StoredRule;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * The routing rules: operators read them, check drafts and simulate them on their province; national admins
 * change them. Writes are refused to anyone else before the rule is validated.
 */
@RestController
@RequestMapping(RoutingRuleController.PATH)
class RoutingRuleController {

    static final String PATH = "/api/v1/routing-rules";

    private final RoutingRuleBook book;
    private final RuleValidation validation;
    private final RoutingSimulation simulation;

    RoutingRuleController(RoutingRuleBook book, RuleValidation validation, RoutingSimulation simulation) {
        this.book = book;
        this.validation = validation;
        this.simulation = simulation;
    }

    /** A rule as answered: the current version's fields, its state, and its history when asked for one rule. */
    record RuleView(
            String id,
            Integer version,
            Integer priority,
            String description,
            Boolean enabled,
            RuleMatch match,
            RuleTarget target,
            boolean retired,
            Instant savedAt,
            String savedBy,
            Instant retiredAt,
            String retiredBy,
            List<RuleVersion> history) {

        static RuleView of(StoredRule stored, boolean withHistory) {
            RoutingRule r = stored.rule();
            return new RuleView(
                    r.id(),
                    r.version(),
                    r.priority(),
                    r.description(),
                    r.enabled(),
                    r.match(),
                    r.target(),
                    stored.retired(),
                    stored.savedAt(),
                    stored.savedBy(),
                    stored.retiredAt(),
                    stored.retiredBy(),
                    withHistory ? stored.history() : null);
        }
    }

    /** A draft checked without saving: {@code valid} and every problem, in the caller's language. */
    record Validated(boolean valid) {}

    /**
     * @param rules a whole draft rule set
     * @param limit how many changes to list; 100 when absent
     * @param provinceCode admins only: one province, or all when absent; an operator's own province always
     */
    record SimulationRequest(List<RoutingRule> rules, Integer limit, String provinceCode) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    List<RuleView> list() {
        return book.active().stream().map(r -> RuleView.of(r, false)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    ResponseEntity<RuleView> one(@PathVariable String id) {
        return book.find(id).map(r -> ResponseEntity.ok(RuleView.of(r, true))).orElseGet(() -> ResponseEntity.notFound()
                .build());
    }

    /** 201 with the rule at version 1; 400 listing every problem; 409 if the id is taken. */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<RuleView> create(@RequestBody RoutingRule rule, Caller admin) {
        StoredRule created = book.create(rule, admin.name());
        return ResponseEntity.created(URI.create(PATH + "/" + created.rule().id()))
                .body(RuleView.of(created, true));
    }

    /** The next version; the body names the version it edits (409 if that is no longer the current one). */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<RuleView> change(@PathVariable String id, @RequestBody RoutingRule rule, Caller admin) {
        return book.change(id, rule, admin.name())
                .map(r -> ResponseEntity.ok(RuleView.of(r, true)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Retires the rule (204, again on a repeat); it keeps its id and history. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> retire(@PathVariable String id, Caller admin) {
        return book.retire(id, admin.name())
                .map(r -> ResponseEntity.noContent().<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** 200 when the draft rule could be saved as it is; else 400 listing every problem. */
    @PostMapping("/validate")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    Validated validate(@RequestBody RoutingRule rule) {
        List<FieldReason> problems = validation.problems(rule);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    Reason.of(InvalidRequestException.INVALID_FIELDS),
                    problems);
        }
        return new Validated(true);
    }

    /** Runs a draft set over the stored petitions: an operator's province only, any or all for an admin. */
    @PostMapping("/simulate")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    RoutingSimulation.Result simulate(@RequestBody SimulationRequest request, Caller caller) {
        String province = caller.has(Role.ADMIN) ? request.provinceCode() : caller.provinceCode();
        if (province == null && !caller.has(Role.ADMIN)) {
            // An operator without a province sees no petitions; never all of them.
            throw InvalidRequestException.field("provinceCode", "gandan.routing.rule.province.unknown", "");
        }
        int limit = request.limit() == null ? 100 : request.limit();
        return simulation.simulate(request.rules(), province, limit);
    }
}
