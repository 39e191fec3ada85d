package vn.gandan.support.security;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Portal API keys issued at runtime, in the service's MongoDB collection {@value #COLLECTION}, known by the
 * SHA-256 digest of the key (unique index). A service that accepts portals declares one as a bean and
 * {@link PortalKeys} asks it after the configured keys.
 *
 * <p>Lookups by digest are cached in memory for {@code cacheTtl} (found and not found alike), at most {@code
 * cacheSize} of them, so that a portal's calls do not each cost a read. A revocation through this instance voids
 * its cache at once; another instance may still accept the key until its cached entry expires, so a revocation
 * reaches every instance within {@code cacheTtl}. A TTL of zero turns the cache off.
 */
public class PortalKeyStore {

    public static final String COLLECTION = "portal_keys";

    /** How long a lookup is trusted by default, which bounds how late other instances see a revocation. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final MongoOperations mongo;
    private final Clock clock;
    private final long ttlNanos;
    private final int cacheSize;
    private final LongSupplier ticker;
    private final ConcurrentMap<String, Cached> byDigest = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();
    private volatile boolean indexed;

    public PortalKeyStore(MongoOperations mongo, Clock clock) {
        this(mongo, clock, DEFAULT_CACHE_TTL, DEFAULT_CACHE_SIZE);
    }

    public PortalKeyStore(MongoOperations mongo, Clock clock, Duration cacheTtl, int cacheSize) {
        this(mongo, clock, cacheTtl, cacheSize, System::nanoTime);
    }

    PortalKeyStore(MongoOperations mongo, Clock clock, Duration cacheTtl, int cacheSize, LongSupplier ticker) {
        if (cacheTtl.isNegative() || cacheSize < 0) {
            throw new IllegalArgumentException("cache TTL and size must not be negative");
        }
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlNanos = cacheTtl.toNanos();
        this.cacheSize = cacheSize;
        this.ticker = ticker;
    }

    /**
     * Issues a new key. The returned {@link IssuedPortalKey#key()} is the only copy of the secret.
     *
     * @param scopes a non-empty subset of {@link Scopes#ALL}
     * @throws IllegalArgumentException for unknown or no scopes (callers validate first)
     */
    public IssuedPortalKey create(
            String portalId, String province, Set<String> scopes, String label, String createdBy) {
        Objects.requireNonNull(portalId, "portalId");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(createdBy, "createdBy");
        if (scopes == null || scopes.isEmpty() || !Scopes.unknown(scopes).isEmpty()) {
            throw new IllegalArgumentException("scopes must be a non-empty subset of " + Scopes.known());
        }
        ensureIndexes();
        String key = ApiKeys.newKey();
        PortalKey record = new PortalKey(
                ApiKeys.newKeyId(),
                portalId,
                province,
                scopes,
                ApiKeys.sha256(key),
                label,
                clock.instant(),
                createdBy,
                null,
                null);
        mongo.insert(record);
        byDigest.remove(record.keySha256());
        return new IssuedPortalKey(record, key);
    }

    /** @param province a province code, or null for all; revoked keys included, newest first */
    public List<PortalKey> list(String province) {
        Query query =
                province == null ? new Query() : Query.query(where("province").is(province));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")), PortalKey.class);
    }

    public Optional<PortalKey> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PortalKey.class));
    }

    /** The portal's keys that are still valid. */
    public List<PortalKey> activeKeysOf(String portalId) {
        return mongo.find(
                Query.query(where("portalId").is(portalId).and("revokedAt").is(null)), PortalKey.class);
    }

    /**
     * Revokes a key; revoking it again changes nothing (the first revocation is kept). This instance forgets it at
     * once; others within the cache TTL.
     *
     * @return the key's record, revoked, or empty if no key has this id
     */
    public Optional<PortalKey> revoke(String id, String revokedBy) {
        Objects.requireNonNull(revokedBy, "revokedBy");
        PortalKey existing = mongo.findById(id, PortalKey.class);
        if (existing == null) {
            return Optional.empty();
        }
        if (!existing.revoked()) {
            mongo.updateFirst(
                    Query.query(where("_id").is(id).and("revokedAt").is(null)),
                    new Update().set("revokedAt", clock.instant()).set("revokedBy", revokedBy),
                    PortalKey.class);
        }
        // Every lookup cached before now is void, not only this key's: no read racing with this one survives.
        revocations.incrementAndGet();
        byDigest.remove(existing.keySha256());
        return find(id);
    }

    /**
     * The valid key with this digest, from the cache when it was looked up within the TTL.
     *
     * @throws org.springframework.dao.DataAccessException when the store cannot be asked (nothing is cached then)
     */
    Optional<PortalKey> active(String digest) {
        long now = ticker.getAsLong();
        long epoch = revocations.get();
        Cached cached = byDigest.get(digest);
        if (cached != null && cached.epoch() == epoch && now - cached.at() < ttlNanos) {
            return cached.key();
        }
        Optional<PortalKey> found = Optional.ofNullable(
                        mongo.findOne(Query.query(where("keySha256").is(digest)), PortalKey.class))
                .filter(key -> !key.revoked());
        remember(digest, new Cached(found, now, epoch));
        return found;
    }

    int cached() {
        return byDigest.size();
    }

    private void remember(String digest, Cached entry) {
        if (ttlNanos == 0 || cacheSize == 0) {
            return;
        }
        if (byDigest.size() >= cacheSize) {
            long now = entry.at();
            long epoch = revocations.get();
            byDigest.values().removeIf(old -> old.epoch() != epoch || now - old.at() >= ttlNanos);
            if (byDigest.size() >= cacheSize) {
                // Still full of live entries: start over rather than track recency; the next calls re-read.
                byDigest.clear();
            }
        }
        byDigest.put(digest, entry);
    }

    /** The unique index on the digest, made before the first key is written (and harmless if it exists). */
    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(PortalKey.class)
                    .createIndex(new Index()
                            .on("keySha256", Sort.Direction.ASC)
                            .unique()
                            .named("keySha256_unique"));
            mongo.indexOps(PortalKey.class)
                    .createIndex(new Index().on("portalId", Sort.Direction.ASC).named("portalId"));
            indexed = true;
        }
    }

    /**
     * @param epoch the revocation epoch when the read began: a revocation since then makes the entry void, so a
     *     read racing with a revocation cannot put the revoked key back into the cache
     */
    private record Cached(Optional<PortalKey> key, long at, long epoch) {}
}
