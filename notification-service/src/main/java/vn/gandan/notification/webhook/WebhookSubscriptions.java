package vn.gandan.notification.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * Portals' webhook subscriptions (collection {@value StoredSubscription#COLLECTION}): the dispatcher asks which
 * are active for a province; portals subscribe and unsubscribe through the API. Secrets are encrypted before they
 * are stored and never leave this package.
 */
@Service
public class WebhookSubscriptions {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final String SECRET_REQUIRED = "gandan.notification.webhook.secret.required";
    static final String SECRET_LENGTH = "gandan.notification.webhook.secret.length";
    static final String LIMIT = "gandan.notification.webhook.limit";
    static final String LIMIT_FIELD = "gandan.notification.webhook.limit.active";

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

    private final MongoTemplate mongo;
    private final SecretCipher cipher;
    private final WebhookUrls urls;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSubscriptions(
            MongoTemplate mongo, SecretCipher cipher, WebhookUrls urls, WebhookProperties properties, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    /** The subscriptions that should receive this province's events, oldest first. */
    public List<Subscription> activeFor(String provinceCode) {
        return mongo
                .find(
                        query(where("provinceCode")
                                        .is(provinceCode)
                                        .and("active")
                                        .is(true))
                                .with(Sort.by("createdAt")),
                        StoredSubscription.class)
                .stream()
                .map(StoredSubscription::view)
                .toList();
    }

    /** @return the subscription, active or not, or empty if there never was one with this id */
    public Optional<Subscription> find(String id) {
        return stored(id).map(StoredSubscription::view);
    }

    /**
     * Subscribes a portal to its province's events.
     *
     * @throws InvalidRequestException 400 naming {@code url} and {@code secret} when they break the rules, 409
     *     when the portal already has {@code max-per-portal} active subscriptions
     */
    public Subscription subscribe(String portalId, String provinceCode, String url, String secret) {
        List<FieldReason> errors = new ArrayList<>();
        urls.check(url).ifPresent(refusal -> errors.add(FieldReason.of("url", refusal.code(), refusal.args())));
        if (secret == null || secret.isEmpty()) {
            errors.add(FieldReason.of("secret", SECRET_REQUIRED));
        } else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.add(FieldReason.of("secret", SECRET_LENGTH, MIN_SECRET, MAX_SECRET));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), errors);
        }
        // Counted, not enforced by an index: two subscriptions racing past the limit together are tolerable.
        long active =
                mongo.count(query(where("portalId").is(portalId).and("active").is(true)), StoredSubscription.class);
        if (active >= properties.maxPerPortal()) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of(LIMIT, properties.maxPerPortal()),
                    FieldReason.of("url", LIMIT_FIELD, properties.maxPerPortal()));
        }
        String id = UUID.randomUUID().toString();
        StoredSubscription stored = mongo.insert(new StoredSubscription(
                id, portalId, provinceCode, url.strip(), cipher.encrypt(id, secret), clock.instant(), true, null));
        log.info("Webhook subscription {} created by portal {} (province {})", id, portalId, provinceCode);
        return stored.view();
    }

    /** A portal's own subscriptions, inactive ones too, newest first. */
    public List<Subscription> ofPortal(String portalId) {
        return list(query(where("portalId").is(portalId)));
    }

    /** A province's subscriptions, inactive ones too, newest first: what its operators may look at. */
    public List<Subscription> ofProvince(String provinceCode) {
        return list(query(where("provinceCode").is(provinceCode)));
    }

    /** Every subscription, newest first: for national admins. */
    public List<Subscription> all() {
        return list(new Query());
    }

    /**
     * Stops deliveries to it; the record stays. Repeating it changes nothing.
     *
     * @return false if there is no such subscription
     */
    public boolean deactivate(String id, String why) {
        if (stored(id).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        var result = mongo.updateFirst(
                query(where("_id").is(id).and("active").is(true)),
                Update.update("active", false).set("deactivatedAt", now),
                StoredSubscription.class);
        if (result.getModifiedCount() > 0) {
            log.info("Webhook subscription {} deactivated: {}", id, why);
        }
        return true;
    }

    /** The subscription and its secret, for the channel only. */
    Optional<Target> target(String id) {
        return stored(id).map(s -> new Target(s.view(), cipher.decrypt(s.id(), s.encryptedSecret())));
    }

    /** @param secret the HMAC key; never logged, never in a reason */
    record Target(Subscription subscription, byte[] secret) {

        @Override
        public String toString() {
            return "Target[" + subscription.id() + "]";
        }
    }

    private Optional<StoredSubscription> stored(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, StoredSubscription.class));
    }

    private List<Subscription> list(Query query) {
        return mongo.find(query.with(NEWEST_FIRST), StoredSubscription.class).stream()
                .map(StoredSubscription::view)
                .toList();
    }
}
