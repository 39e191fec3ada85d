package vn.gandan.intake.portalkeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.support.security.Caller;
import vn.gandan.support.security.IssuedPortalKey;
import vn.gandan.support.security.PortalKey;
import vn.gandan.support.security.PortalKeyStore;
import vn.gandan.support.security.PortalKeys;
import vn.gandan.support.security.Scopes;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * National admins issue, list and revoke portals' API keys. The key is in the answer to its creation and nowhere
 * else: not in the store (only its SHA-256), not in a list, not in a log. A revoked key keeps its record.
 */
@RestController
@RequestMapping(PortalKeyAdminController.PATH)
@PreAuthorize("hasRole('ADMIN')")
class PortalKeyAdminController {

    static final String PATH = "/api/v1/admin/portal-keys";

    private static final Logger log = LoggerFactory.getLogger(PortalKeyAdminController.class);

    private final PortalKeyStore store;
    private final PortalKeys portalKeys;
    private final AdminUnits adminUnits = AdminUnits.official();

    PortalKeyAdminController(PortalKeyStore store, PortalKeys portalKeys) {
        this.store = store;
        this.portalKeys = portalKeys;
    }

    /**
     * @param portalId the portal the key is for; all its keys act for the same province
     * @param province the two-digit code of the province the key acts for
     * @param scopes what the key may do: {@code petitions:write}, {@code petitions:read}
     * @param label for people, such as who holds the key
     */
    record CreateRequest(
            @NotNull @Pattern(regexp = "[a-z0-9-]{3,50}", message = "{gandan.intake.portal-key.portal-id}")
            String portalId,

            @NotBlank String province,
            @NotEmpty List<String> scopes,
            @Size(max = 200) String label) {}

    /** The answer to a creation: the only time {@code key} is shown. */
    record Created(
            String id,
            String key,
            String portalId,
            String province,
            Set<String> scopes,
            String label,
            Instant createdAt) {

        static Created of(IssuedPortalKey issued) {
            PortalKey record = issued.record();
            return new Created(
                    record.id(),
                    issued.key(),
                    record.portalId(),
                    record.province(),
                    new TreeSet<>(record.scopes()),
                    record.label(),
                    record.createdAt());
        }

        /** Never the key. */
        @Override
        public String toString() {
            return "Created[id=" + id + "]";
        }
    }

    /** A key as listed: never the key or its digest. */
    record KeyView(
            String id,
            String portalId,
            String province,
            Set<String> scopes,
            String label,
            boolean active,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            String revokedBy) {

        static KeyView of(PortalKey key) {
            return new KeyView(
                    key.id(),
                    key.portalId(),
                    key.province(),
                    new TreeSet<>(key.scopes()),
                    key.label(),
                    !key.revoked(),
                    key.createdAt(),
                    key.createdBy(),
                    key.revokedAt(),
                    key.revokedBy());
        }
    }

    /** 201 with the key, once; 400 naming each bad field; 409 if the portal already acts for another province. */
    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody CreateRequest request, Caller admin) {
        List<FieldReason> errors = new ArrayList<>();
        if (adminUnits.province(request.province()).isEmpty()) {
            errors.add(FieldReason.of("province", "gandan.intake.province.unknown"));
        }
        Set<String> unknown = Scopes.unknown(request.scopes());
        if (!unknown.isEmpty()) {
            errors.add(FieldReason.of(
                    "scopes", "gandan.intake.scopes.unknown", String.join(", ", unknown), Scopes.known()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), errors);
        }
        requireOneProvincePerPortal(request.portalId(), request.province());

        String label = request.label() == null || request.label().isBlank()
                ? null
                : request.label().strip();
        IssuedPortalKey issued =
                store.create(request.portalId(), request.province(), Set.copyOf(request.scopes()), label, admin.name());
        PortalKey record = issued.record();
        log.info(
                "Portal key {} issued for portal {} (province {}, scopes {}) by {}",
                record.id(),
                record.portalId(),
                record.province(),
                new TreeSet<>(record.scopes()),
                admin.name());
        return ResponseEntity.created(URI.create(PATH + "/" + record.id()))
                .cacheControl(CacheControl.noStore())
                .body(Created.of(issued));
    }

    /** Every key issued at runtime, revoked ones included, newest first; keys configured in yml are not listed. */
    @GetMapping
    List<KeyView> list(@RequestParam(required = false) String province) {
        if (province != null && adminUnits.province(province).isEmpty()) {
            throw InvalidRequestException.field("province", "gandan.intake.province.unknown");
        }
        return store.list(province).stream().map(KeyView::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<KeyView> one(@PathVariable String id) {
        return store.find(id).map(KeyView::of).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound()
                .build());
    }

    /**
     * Revokes the key: 204, again on a repeat (the first revocation is kept); 404 for an id never issued. This
     * instance refuses the key at once, the others within the key cache's TTL (30 s by default).
     */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, Caller admin) {
        return store.revoke(id, admin.name())
                .map(revoked -> {
                    log.info(
                            "Portal key {} of portal {} revoked by {}", revoked.id(), revoked.portalId(), admin.name());
                    return ResponseEntity.noContent().<Void>build();
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A portal is one caller ({@code portal:<id>}) with one province, whichever of its keys it uses. */
    private void requireOneProvincePerPortal(String portalId, String province) {
        String bound = portalKeys
                .configuredProvince(portalId)
                .or(() -> store.activeKeysOf(portalId).stream()
                        .map(PortalKey::province)
                        .filter(other -> !other.equals(province))
                        .findFirst())
                .orElse(province);
        if (!bound.equals(province)) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of("gandan.intake.portal.other-province"),
                    FieldReason.of("portalId", "gandan.intake.portal.bound-province", bound));
        }
    }
}
