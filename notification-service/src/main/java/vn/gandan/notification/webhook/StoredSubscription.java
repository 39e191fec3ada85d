package vn.gandan.notification.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A subscription as stored, its secret encrypted ({@link SecretCipher}).
 *
 * @param deactivatedAt when it stopped, or null while active
 */
@Document(StoredSubscription.COLLECTION)
// Every event looks up its province's active subscriptions; a portal lists and counts its own.
@CompoundIndex(name = "province_active_createdAt", def = "{'provinceCode': 1, 'active': 1, 'createdAt': 1}")
@CompoundIndex(name = "portal_active", def = "{'portalId': 1, 'active': 1}")
record StoredSubscription(
        @Id String id,
        String portalId,
        String provinceCode,
        String url,
        String encryptedSecret,
        Instant createdAt,
        boolean active,
        Instant deactivatedAt) {

    static final String COLLECTION = "webhook_subscriptions";

    Subscription view() {
        return new Subscription(id, portalId, provinceCode, url, createdAt, active);
    }

    /** Never the secret, not even encrypted. */
    @Override
    public String toString() {
        return "StoredSubscription[" + id + ", portal " + portalId + ", active " + active + "]";
    }
}
