package vn.gandan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import vn.gandan.support.SupportIntegrationTest;

/** The key store on the real MongoDB-protocol server: what is stored, revocation, and two instances' caches. */
@SupportIntegrationTest
class PortalKeyStoreIntegrationTests {

    @Autowired
    MongoTemplate mongo;

    PortalKeyStore store(AtomicLong ticker) {
        return new PortalKeyStore(mongo, Clock.systemUTC(), Duration.ofSeconds(30), 1_000, ticker::get);
    }

    @Test
    void aKeyIsStoredAsItsDigestOnlyUnderAUniqueIndex() {
        PortalKeyStore store = store(new AtomicLong());
        IssuedPortalKey issued =
                store.create(portalId(), "40", Set.of(Scopes.PETITIONS_WRITE), "Cổng Nghệ An", "admin");

        Document stored = mongo.findById(issued.record().id(), Document.class, PortalKeyStore.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("keySha256")).isEqualTo(ApiKeys.sha256(issued.key()));
        assertThat(stored.toJson())
                .doesNotContain(issued.key())
                .doesNotContain(issued.key().substring(3));
        assertThat(stored.getList("scopes", String.class)).containsExactly(Scopes.PETITIONS_WRITE);
        assertThat(stored.getString("province")).isEqualTo("40");
        assertThat(stored.getString("createdBy")).isEqualTo("admin");
        assertThat(stored.get("createdAt")).isNotNull();
        assertThat(stored.containsKey("revokedAt")).isFalse();

        List<IndexInfo> indexes = mongo.indexOps(PortalKeyStore.COLLECTION).getIndexInfo();
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.isIndexForFields(List.of("keySha256"))).isTrue();
            assertThat(index.isUnique()).isTrue();
        });
        PortalKey sameDigest = new PortalKey(
                ApiKeys.newKeyId(),
                portalId(),
                "40",
                Scopes.ALL,
                issued.record().keySha256(),
                null,
                issued.record().createdAt(),
                "admin",
                null,
                null);
        assertThatThrownBy(() -> mongo.insert(sameDigest)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aRevocationIsSeenAtOnceHereAndWithinTheTtlElsewhere() {
        AtomicLong time = new AtomicLong();
        PortalKeyStore here = store(time);
        PortalKeyStore elsewhere = store(time);
        IssuedPortalKey issued = here.create(portalId(), "40", Scopes.ALL, null, "admin");
        String digest = ApiKeys.sha256(issued.key());
        assertThat(here.active(digest)).isPresent();
        assertThat(elsewhere.active(digest)).isPresent();

        PortalKey revoked = here.revoke(issued.record().id(), "admin").orElseThrow();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("admin");
        assertThat(here.active(digest)).isEmpty();
        // Another instance trusts its cached lookup until the TTL has passed, then reads the revocation.
        time.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(elsewhere.active(digest)).isPresent();
        time.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(elsewhere.active(digest)).isEmpty();
    }

    @Test
    void revokingAgainKeepsTheFirstRevocationAndAnUnknownIdIsEmpty() {
        PortalKeyStore store = store(new AtomicLong());
        IssuedPortalKey issued = store.create(portalId(), "01", Set.of(Scopes.PETITIONS_READ), null, "admin");

        PortalKey first = store.revoke(issued.record().id(), "admin").orElseThrow();
        PortalKey second = store.revoke(issued.record().id(), "someone-else").orElseThrow();

        assertThat(second.revokedAt()).isEqualTo(first.revokedAt());
        assertThat(second.revokedBy()).isEqualTo("admin");
        assertThat(store.revoke("pk_does-not-exist", "admin")).isEmpty();
        assertThat(store.find(issued.record().id())).isPresent();
    }

    @Test
    void listsByProvinceNewestFirstAndKnowsEachPortalsValidKeys() {
        // A second between keys, so that "newest first" has an answer.
        AtomicLong seconds = new AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-11-23T08:00:00Z").plusSeconds(seconds.incrementAndGet());
            }
        };
        PortalKeyStore store = new PortalKeyStore(mongo, ticking);
        String portal = portalId();
        IssuedPortalKey older = store.create(portal, "46", Set.of(Scopes.PETITIONS_READ), null, "admin");
        IssuedPortalKey newer = store.create(portal, "46", Scopes.ALL, null, "admin");
        store.create(portalId(), "48", Scopes.ALL, null, "admin");
        store.revoke(older.record().id(), "admin");

        List<String> listed = store.list("46").stream().map(PortalKey::id).toList();
        assertThat(listed)
                .containsSubsequence(newer.record().id(), older.record().id());
        assertThat(store.list("46"))
                .allSatisfy(key -> assertThat(key.province()).isEqualTo("46"));
        assertThat(store.activeKeysOf(portal))
                .map(PortalKey::id)
                .containsExactly(newer.record().id());
    }

    static String portalId() {
        return "portal-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
