package vn.gandan.support.security;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A portal's API key issued at runtime, as stored in {@value PortalKeyStore#COLLECTION}: its public id, the
 * portal and province it acts for, its scopes, and the SHA-256 digest of the key (never the key). A revoked key
 * keeps its record, with when and by whom.
 *
 * @param id public, such as {@code pk_3f9a0c1e2b7d4a65}
 * @param portalId the portal, such as {@code nghe-an-portal}; the caller is {@code portal:<portalId>}
 * @param province the two-digit code of the one province the key acts for
 * @param scopes a non-empty subset of {@link Scopes#ALL}
 * @param keySha256 hex SHA-256 of the key; unique
 * @param label free text for people, or null
 * @param createdBy the admin who created it
 * @param revokedAt null while the key is valid
 */
@Document(PortalKeyStore.COLLECTION)
public record PortalKey(
        @Id String id,
        String portalId,
        String province,
        Set<String> scopes,
        String keySha256,
        String label,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy) {

    public PortalKey {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Without the digest, so that a log line never carries it. */
    @Override
    public String toString() {
        return "PortalKey[id=" + id + ", portalId=" + portalId + ", province=" + province + ", scopes=" + scopes
                + ", createdAt=" + createdAt + ", createdBy=" + createdBy + ", revokedAt=" + revokedAt + "]";
    }
}
