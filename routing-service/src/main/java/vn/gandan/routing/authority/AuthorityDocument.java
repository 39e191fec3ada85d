package vn.gandan.routing.authority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One body as stored: all its versions in one document, so a read by {@code _id} (the only index mongo-java-server
 * uses) gives its whole history and a change is one single-document write. Dates are ISO strings: they compare as
 * they sort and read the same on any server's time zone.
 */
@Document(AuthorityDocument.COLLECTION)
class AuthorityDocument {

    static final String COLLECTION = "authorities";

    /** Where a body came from: generated from the admin-unit data, or created by an admin. */
    static final String GENERATED = "generated";

    static final String ADMIN = "admin";

    record StoredVersion(
            String effectiveFrom,
            String effectiveTo,
            AuthorityType type,
            String department,
            String name,
            String adminUnitCode,
            String parentId,
            List<String> aliases,
            List<Contact> contacts) {

        static StoredVersion of(Authority version) {
            return new StoredVersion(
                    version.effectiveFrom().toString(),
                    version.effectiveTo() == null ? null : version.effectiveTo().toString(),
                    version.type(),
                    version.department(),
                    version.name(),
                    version.adminUnitCode(),
                    version.parentId(),
                    version.aliases(),
                    version.contacts());
        }

        Authority toAuthority(String id, String provinceCode) {
            return new Authority(
                    id,
                    type,
                    department,
                    name,
                    adminUnitCode,
                    provinceCode,
                    parentId,
                    aliases,
                    contacts,
                    LocalDate.parse(effectiveFrom),
                    effectiveTo == null ? null : LocalDate.parse(effectiveTo));
        }
    }

    @Id
    private String id;

    private String provinceCode;
    private List<StoredVersion> versions;
    private String successorId;
    private String origin;
    private Instant updatedAt;
    private String updatedBy;

    /** Optimistic locking: two admins changing one body at once cannot both win. */
    @Version
    private Long revision;

    protected AuthorityDocument() {}

    AuthorityDocument(AuthorityHistory body, String origin, Instant updatedAt, String updatedBy, Long revision) {
        this.id = body.id();
        this.provinceCode = body.provinceCode();
        this.versions = body.versions().stream().map(StoredVersion::of).toList();
        this.successorId = body.successorId();
        this.origin = origin;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.revision = revision;
    }

    AuthorityHistory toHistory() {
        return new AuthorityHistory(
                id,
                provinceCode,
                versions.stream().map(v -> v.toAuthority(id, provinceCode)).toList(),
                successorId);
    }

    /** The same document holding {@code changed}, keeping its origin and lock. */
    AuthorityDocument changedTo(AuthorityHistory changed, Instant at, String by) {
        return new AuthorityDocument(changed, origin, at, by, revision);
    }

    String id() {
        return id;
    }

    String origin() {
        return origin;
    }

    Long revision() {
        return revision;
    }
}
