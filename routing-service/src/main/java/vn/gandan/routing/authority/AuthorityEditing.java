package vn.gandan.routing.authority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * What admins change in the directory: a new body, a new version of one, its end. A change only ever adds to the
 * future: a version that has started is never rewritten, so a routing decision made with it can be explained later.
 * Every bad request is an {@link InvalidRequestException} naming the fields at fault.
 */
@Service
public class AuthorityEditing {

    static final String CODE = "gandan.routing.authority.";

    private static final Logger log = LoggerFactory.getLogger(AuthorityEditing.class);

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{3,60}");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z_]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Set<String> CONTACT_ROLES = Set.of(Contact.RESPONDER, Contact.SUPERVISOR);
    private static final int MAX_TEXT = 200;
    private static final int MAX_ITEMS = 50;

    private final StoredAuthorityDirectory directory;
    private final AuthorityStore store;
    private final Clock clock;
    private final AdminUnits adminUnits = AdminUnits.official();

    AuthorityEditing(StoredAuthorityDirectory directory, AuthorityStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    /** A new body with one version. 400 naming each bad field; 409 if the id is taken. */
    public AuthorityHistory create(AuthorityDraft draft, String actor) {
        List<FieldReason> errors = new ArrayList<>();
        String id = draft.id();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(FieldReason.of("id", CODE + "id.pattern"));
            id = "";
        }
        String province = draft.provinceCode();
        if (province == null || province.isBlank()) {
            errors.add(FieldReason.of("provinceCode", CODE + "province.required"));
        } else if (adminUnits.province(province).isEmpty()) {
            errors.add(FieldReason.of("provinceCode", CODE + "province.unknown", province));
        }
        if (draft.effectiveFrom() == null) {
            errors.add(FieldReason.of("effectiveFrom", CODE + "effective-from.required"));
        }
        Authority version = checked(id, province, draft, errors);
        requireNo(errors);
        if (directory.history(id).isPresent()) {
            throw taken(id);
        }
        AuthorityHistory body = new AuthorityHistory(id, province, List.of(version), null);
        try {
            store.insert(new AuthorityDocument(body, AuthorityDocument.ADMIN, clock.instant(), actor, null));
        } catch (DuplicateKeyException e) {
            throw taken(id);
        }
        announce(body);
        log.info("Authority {} created from {} by {}", id, version.effectiveFrom(), actor);
        return body;
    }

    /**
     * A new version from {@code draft.effectiveFrom()}, which must follow the start of the body's latest version and
     * not be in the past; that version ends the day before. 404 for an unknown body, 409 for a dissolved one.
     */
    public AuthorityHistory revise(String id, AuthorityDraft draft, String actor) {
        AuthorityDocument stored = existing(id);
        AuthorityHistory body = stored.toHistory();
        List<FieldReason> errors = new ArrayList<>();
        if (draft.provinceCode() != null && !draft.provinceCode().equals(body.provinceCode())) {
            errors.add(FieldReason.of("provinceCode", CODE + "province.fixed", body.provinceCode()));
        }
        checkFollows(body, draft.effectiveFrom(), errors);
        Authority version = checked(id, body.provinceCode(), draft, errors);
        requireNo(errors);
        List<Authority> versions = closedBefore(body, version.effectiveFrom());
        versions.add(version);
        AuthorityHistory changed = new AuthorityHistory(id, body.provinceCode(), versions, null);
        save(stored, changed, actor);
        log.info("Authority {} has a new version from {}, by {}", id, version.effectiveFrom(), actor);
        return changed;
    }

    /** Ends the body: not in force from {@code dissolution.effectiveFrom()}. 404 unknown, 409 already dissolved. */
    public AuthorityHistory dissolve(String id, AuthorityDraft.Dissolution dissolution, String actor) {
        AuthorityDocument stored = existing(id);
        AuthorityHistory body = stored.toHistory();
        List<FieldReason> errors = new ArrayList<>();
        LocalDate from = dissolution.effectiveFrom();
        checkFollows(body, from, errors);
        String successor = blankToNull(dissolution.successorId());
        if (successor != null) {
            if (successor.equals(id)) {
                errors.add(FieldReason.of("successorId", CODE + "successor.self"));
            } else if (directory.history(successor).isEmpty()) {
                errors.add(FieldReason.of("successorId", CODE + "successor.unknown", successor));
            } else if (from != null && directory.find(successor, from).isEmpty()) {
                errors.add(FieldReason.of("successorId", CODE + "successor.not-in-force", successor, from.toString()));
            }
        }
        requireNo(errors);
        AuthorityHistory changed = new AuthorityHistory(id, body.provinceCode(), closedBefore(body, from), successor);
        save(stored, changed, actor);
        log.info("Authority {} dissolved from {} (successor {}), by {}", id, from, successor, actor);
        return changed;
    }

    private AuthorityDocument existing(String id) {
        AuthorityDocument stored = id == null ? null : store.find(id).orElse(null);
        if (stored == null) {
            throw InvalidRequestException.of(HttpStatus.NOT_FOUND, Reason.of(CODE + "unknown", String.valueOf(id)));
        }
        if (stored.toHistory().isDissolved()) {
            throw InvalidRequestException.of(HttpStatus.CONFLICT, Reason.of(CODE + "dissolved", id));
        }
        return stored;
    }

    /** Only the future changes: after the latest version's start, and not before today. */
    private void checkFollows(AuthorityHistory body, LocalDate from, List<FieldReason> errors) {
        LocalDate latestStart = body.latest().effectiveFrom();
        if (from == null) {
            errors.add(FieldReason.of("effectiveFrom", CODE + "effective-from.required"));
        } else if (!from.isAfter(latestStart)) {
            errors.add(
                    FieldReason.of("effectiveFrom", CODE + "effective-from.not-after-current", latestStart.toString()));
        } else if (from.isBefore(directory.today())) {
            errors.add(FieldReason.of(
                    "effectiveFrom",
                    CODE + "effective-from.past",
                    directory.today().toString()));
        }
    }

    private static List<Authority> closedBefore(AuthorityHistory body, LocalDate from) {
        List<Authority> versions = new ArrayList<>(body.versions());
        Authority latest = versions.remove(versions.size() - 1);
        versions.add(new Authority(
                latest.id(),
                latest.type(),
                latest.department(),
                latest.name(),
                latest.adminUnitCode(),
                latest.provinceCode(),
                latest.parentId(),
                latest.aliases(),
                latest.contacts(),
                latest.effectiveFrom(),
                from.minusDays(1)));
        return versions;
    }

    private void save(AuthorityDocument stored, AuthorityHistory changed, String actor) {
        try {
            store.save(stored.changedTo(changed, clock.instant(), actor));
        } catch (OptimisticLockingFailureException e) {
            throw InvalidRequestException.of(HttpStatus.CONFLICT, Reason.of(CODE + "concurrent-change", changed.id()));
        }
        announce(changed);
    }

    private void announce(AuthorityHistory changed) {
        directory.changed(changed, store.nextRevision());
    }

    /**
     * The version a draft describes, or null with the reasons added to {@code errors}.
     *
     * @param province the body's province; null or unknown when already reported
     */
    private Authority checked(String id, String province, AuthorityDraft draft, List<FieldReason> errors) {
        int before = errors.size();
        AuthorityType type = null;
        if (draft.type() == null || draft.type().isBlank()) {
            errors.add(FieldReason.of("type", CODE + "type.required"));
        } else {
            try {
                type = AuthorityType.fromCode(draft.type());
            } catch (IllegalArgumentException e) {
                errors.add(FieldReason.of("type", CODE + "type.unknown", draft.type(), knownTypes()));
            }
        }
        String department = blankToNull(draft.department());
        if (type == AuthorityType.PROVINCIAL_DEPARTMENT) {
            if (department == null) {
                errors.add(FieldReason.of("department", CODE + "department.required"));
            } else if (!DEPARTMENT.matcher(department).matches()) {
                errors.add(FieldReason.of("department", CODE + "department.pattern"));
            }
        } else if (type != null && department != null) {
            errors.add(FieldReason.of("department", CODE + "department.not-allowed"));
        }
        String name = blankToNull(draft.name());
        if (name == null) {
            errors.add(FieldReason.of("name", CODE + "name.required"));
        } else if (name.length() > MAX_TEXT) {
            errors.add(FieldReason.of("name", CODE + "text.too-long", MAX_TEXT));
        }
        boolean provinceKnown =
                province != null && adminUnits.province(province).isPresent();
        String unit = blankToNull(draft.adminUnitCode());
        if (unit == null) {
            errors.add(FieldReason.of("adminUnitCode", CODE + "admin-unit.required"));
        } else if (provinceKnown && type != null) {
            checkUnit(type, unit, province, errors);
        }
        String parent = blankToNull(draft.parentId());
        if (parent != null && provinceKnown) {
            checkParent(id, parent, province, draft.effectiveFrom(), errors);
        }
        List<Contact> contacts = contacts(draft.contacts(), errors);
        List<String> aliases = aliases(draft.aliases(), errors);
        if (errors.size() > before || type == null || draft.effectiveFrom() == null || !provinceKnown) {
            return null;
        }
        return new Authority(
                id,
                type,
                type == AuthorityType.PROVINCIAL_DEPARTMENT ? department : null,
                name,
                unit,
                province,
                parent,
                aliases,
                contacts,
                draft.effectiveFrom(),
                null);
    }

    /** A commune's committee governs a commune of the province; the other bodies govern the province itself. */
    private void checkUnit(AuthorityType type, String unit, String province, List<FieldReason> errors) {
        boolean isProvince = adminUnits.province(unit).isPresent();
        var commune = adminUnits.commune(unit);
        if (!isProvince && commune.isEmpty()) {
            errors.add(FieldReason.of("adminUnitCode", CODE + "admin-unit.unknown", unit));
        } else if (type.isCommuneLevel()) {
            if (isProvince) {
                errors.add(FieldReason.of("adminUnitCode", CODE + "admin-unit.not-commune", type.code()));
            } else if (!commune.get().provinceCode().equals(province)) {
                errors.add(FieldReason.of("adminUnitCode", CODE + "admin-unit.other-province", unit, province));
            }
        } else if (!unit.equals(province)) {
            errors.add(FieldReason.of("adminUnitCode", CODE + "admin-unit.not-province", type.code(), province));
        }
    }

    private void checkParent(String id, String parent, String province, LocalDate from, List<FieldReason> errors) {
        var parentBody = directory.history(parent);
        if (parent.equals(id)) {
            errors.add(FieldReason.of("parentId", CODE + "parent.cycle", parent));
        } else if (parentBody.isEmpty()) {
            errors.add(FieldReason.of("parentId", CODE + "parent.unknown", parent));
        } else if (!parentBody.get().provinceCode().equals(province)) {
            errors.add(FieldReason.of("parentId", CODE + "parent.other-province", parent, province));
        } else if (from != null && parentBody.get().on(from).isEmpty()) {
            errors.add(FieldReason.of("parentId", CODE + "parent.not-in-force", parent, from.toString()));
        } else if (from != null && leadsBackTo(id, parent, from)) {
            errors.add(FieldReason.of("parentId", CODE + "parent.cycle", parent));
        }
    }

    /** Whether escalating from {@code parent}, by any version in force on or after {@code from}, reaches {@code id}. */
    private boolean leadsBackTo(String id, String parent, LocalDate from) {
        Deque<String> next = new ArrayDeque<>(List.of(parent));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String current = next.pop();
            if (current.equals(id)) {
                return true;
            }
            if (seen.add(current)) {
                directory.history(current).ifPresent(body -> body.versions().stream()
                        .filter(v -> v.effectiveTo() == null || !v.effectiveTo().isBefore(from))
                        .map(Authority::parentId)
                        .filter(Objects::nonNull)
                        .forEach(next::push));
            }
        }
        return false;
    }

    private static List<Contact> contacts(List<AuthorityDraft.ContactDraft> drafts, List<FieldReason> errors) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_ITEMS) {
            errors.add(FieldReason.of("contacts", CODE + "too-many", MAX_ITEMS));
            return List.of();
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AuthorityDraft.ContactDraft draft = drafts.get(i);
            String field = "contacts[" + i + "]";
            if (draft == null) {
                errors.add(FieldReason.of(field, CODE + "contact.role", String.join(", ", CONTACT_ROLES)));
                continue;
            }
            // The reasons never repeat an email or phone: problems can end up in logs.
            boolean ok = true;
            if (draft.role() == null || !CONTACT_ROLES.contains(draft.role())) {
                errors.add(FieldReason.of(field + ".role", CODE + "contact.role", String.join(", ", CONTACT_ROLES)));
                ok = false;
            }
            String email = blankToNull(draft.email());
            if (email != null
                    && (email.length() > MAX_TEXT || !EMAIL.matcher(email).matches())) {
                errors.add(FieldReason.of(field + ".email", CODE + "contact.email"));
                ok = false;
            }
            String phone = blankToNull(draft.phone());
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(FieldReason.of(field + ".phone", CODE + "contact.phone"));
                ok = false;
            }
            String name = blankToNull(draft.name());
            if (name != null && name.length() > MAX_TEXT) {
                errors.add(FieldReason.of(field + ".name", CODE + "text.too-long", MAX_TEXT));
                ok = false;
            }
            if (ok) {
                contacts.add(new Contact(draft.role(), name, email, phone));
            }
        }
        return contacts;
    }

    private static List<String> aliases(List<String> drafts, List<FieldReason> errors) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_ITEMS) {
            errors.add(FieldReason.of("aliases", CODE + "too-many", MAX_ITEMS));
            return List.of();
        }
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String alias = blankToNull(drafts.get(i));
            if (alias == null) {
                errors.add(FieldReason.of("aliases[" + i + "]", CODE + "alias.blank"));
            } else if (alias.length() > MAX_TEXT) {
                errors.add(FieldReason.of("aliases[" + i + "]", CODE + "text.too-long", MAX_TEXT));
            } else {
                aliases.add(alias);
            }
        }
        return aliases;
    }

    private static void requireNo(List<FieldReason> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), errors);
        }
    }

    private static InvalidRequestException taken(String id) {
        return InvalidRequestException.of(
                HttpStatus.CONFLICT, Reason.of(CODE + "id.taken", id), FieldReason.of("id", CODE + "id.taken", id));
    }

    /** The type codes, for a reason that lists them. */
    public static String knownTypes() {
        return Arrays.stream(AuthorityType.values()).map(AuthorityType::code).collect(Collectors.joining(", "));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
