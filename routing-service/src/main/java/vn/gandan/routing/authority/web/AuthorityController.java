package vn.gandan.routing.authority.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.routing.authority.Authority;
import vn.gandan.routing.authority.AuthorityDraft;
import vn.gandan.routing.authority.AuthorityEditing;
import vn.gandan.routing.authority.AuthorityHistory;
import vn.gandan.routing.authority.AuthorityType;
import vn.gandan.routing.authority.StoredAuthorityDirectory;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.Role;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * The directory for people: operators and responders read their province's bodies, national admins read all and
 * change them. A body outside the caller's province is not found; a list of another province is forbidden.
 */
@RestController
@RequestMapping(AuthorityController.PATH)
class AuthorityController {

    static final String PATH = "/api/v1/authorities";
    static final int MAX_SIZE = 200;
    static final int MAX_QUERY = 200;

    private static final String CODE = "gandan.routing.authority.";

    private final StoredAuthorityDirectory directory;
    private final AuthorityEditing editing;
    private final AdminUnits adminUnits = AdminUnits.official();

    AuthorityController(StoredAuthorityDirectory directory, AuthorityEditing editing) {
        this.directory = directory;
        this.editing = editing;
    }

    /**
     * The bodies in force on {@code on} (today by default), in id order. An admin may leave out {@code province}
     * for the whole country; an operator or responder lists its own province (the default) and no other (403).
     *
     * @param q part of a name or alias, accents and case ignored
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'RESPONDER', 'ADMIN')")
    AuthorityView.Page list(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String on,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Caller caller) {
        String scope = province == null || province.isBlank() ? null : province;
        if (!caller.has(Role.ADMIN)) {
            if (scope == null) {
                scope = caller.provinceCode();
            } else if (!caller.mayAccessProvince(scope)) {
                throw InvalidRequestException.of(
                        HttpStatus.FORBIDDEN,
                        Reason.of(CODE + "province.forbidden", scope),
                        FieldReason.of("province", CODE + "province.forbidden", scope));
            }
        }
        if (scope != null && adminUnits.province(scope).isEmpty()) {
            throw InvalidRequestException.field("province", CODE + "province.unknown", scope);
        }
        AuthorityType wanted = type(type);
        LocalDate day = day(on);
        if (page < 0) {
            throw InvalidRequestException.field("page", CODE + "page.invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidRequestException.field("size", CODE + "size.invalid", MAX_SIZE);
        }
        if (q != null && (q.length() > MAX_QUERY || q.chars().anyMatch(Character::isISOControl))) {
            // A name is short and has no control characters; anything else is not a search (ADR 0014).
            throw InvalidRequestException.field("q", CODE + "q.invalid", MAX_QUERY);
        }
        List<Authority> matching = directory.bodies(scope).stream()
                .flatMap(body -> body.on(day).stream())
                .filter(version -> wanted == null || version.type() == wanted)
                .filter(version -> q == null || q.isBlank() || StoredAuthorityDirectory.nameContains(version, q))
                .toList();
        long from = Math.min((long) page * size, matching.size());
        int to = (int) Math.min(from + size, matching.size());
        List<Authority> items = matching.subList((int) from, to);
        return new AuthorityView.Page(items, page, size, matching.size());
    }

    /** The body with its version in force today and all its versions; 404 if unknown or another province's. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'RESPONDER', 'ADMIN')")
    AuthorityView.Detail one(@PathVariable String id, Caller caller) {
        AuthorityHistory body = directory
                .history(id)
                .filter(found -> caller.mayAccessProvince(found.provinceCode()))
                .orElseThrow(() -> notFound(id));
        return AuthorityView.Detail.of(body, directory.today());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AuthorityView.Detail> create(@RequestBody AuthorityDraft draft, Caller admin) {
        AuthorityHistory body = editing.create(draft, admin.name());
        return ResponseEntity.created(URI.create(PATH + "/" + body.id()))
                .body(AuthorityView.Detail.of(body, directory.today()));
    }

    /** A new version from {@code effectiveFrom}; the version before it ends the day before. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AuthorityView.Detail revise(@PathVariable String id, @RequestBody AuthorityDraft draft, Caller admin) {
        return AuthorityView.Detail.of(editing.revise(id, draft, admin.name()), directory.today());
    }

    @PostMapping("/{id}/dissolve")
    @PreAuthorize("hasRole('ADMIN')")
    AuthorityView.Detail dissolve(
            @PathVariable String id, @RequestBody AuthorityDraft.Dissolution dissolution, Caller admin) {
        return AuthorityView.Detail.of(editing.dissolve(id, dissolution, admin.name()), directory.today());
    }

    private static AuthorityType type(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return AuthorityType.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("type", CODE + "type.unknown", code, AuthorityEditing.knownTypes());
        }
    }

    private LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return directory.today();
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field("on", CODE + "on.invalid");
        }
    }

    private static InvalidRequestException notFound(String id) {
        return InvalidRequestException.of(HttpStatus.NOT_FOUND, Reason.of(CODE + "unknown", id));
    }
}
