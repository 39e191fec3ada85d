package vn.gandan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.core.GrantedAuthority;

/** Keys, digests, scopes and the lookup cache, without servers (the store's MongoDB is a stand-in here). */
class PortalKeysUnitTests {

    static final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    static final SecurityProperties demo = new SecurityProperties(
            List.of(new SecurityProperties.Portal(
                    "nghe-an-demo", "40", "9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90")),
            List.of());

    @Test
    void aKeyIsThePrefixAnd32RandomBytesInBase64url() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String key = ApiKeys.newKey();
            assertThat(key).startsWith("gd_").hasSize(3 + 43).matches("gd_[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(key.substring(3))).hasSize(32);
            keys.add(key);
        }
        assertThat(keys).hasSize(1_000);
        assertThat(ApiKeys.newKeyId()).matches("pk_[0-9a-f]{16}").isNotEqualTo(ApiKeys.newKeyId());
    }

    @Test
    void aKeyIsKnownByItsSha256Only() {
        assertThat(ApiKeys.sha256("demo-portal-key"))
                .isEqualTo("9bdc095594e27a33d12a48fd6ed8d3b3a4bb7abc6219b82867f2b5660b13be90")
                .isEqualTo(PortalKeys.sha256("demo-portal-key"));
        assertThat(ApiKeys.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String key = ApiKeys.newKey();
        assertThat(ApiKeys.sha256(key)).hasSize(64).doesNotContain(key.substring(3));
    }

    @Test
    void neitherTheKeyNorItsDigestIsEverPrinted() {
        String key = ApiKeys.newKey();
        PortalKey record = record("pk_0123456789abcdef", "nghe-an-portal", "40", Set.of(Scopes.PETITIONS_READ), key);
        IssuedPortalKey issued = new IssuedPortalKey(record, key);

        assertThat(issued.toString())
                .doesNotContain(key)
                .doesNotContain(record.keySha256())
                .contains(record.id());
        assertThat(record.toString()).doesNotContain(record.keySha256());
    }

    @Test
    void peopleHaveNoScopesAndPortalsGetThemAsAuthorities() {
        Caller person = new Caller("operator", Set.of(Role.OPERATOR), "40", null);
        assertThat(person.scopes()).isEmpty();
        assertThat(new Caller("p", Set.of(Role.PORTAL), "40", null, null).scopes())
                .isEmpty();

        Caller portal = new Caller("portal:x", Set.of(Role.PORTAL), "40", null, Set.of(Scopes.PETITIONS_READ));
        assertThat(portal.hasScope(Scopes.PETITIONS_READ)).isTrue();
        assertThat(portal.hasScope(Scopes.PETITIONS_WRITE)).isFalse();
        assertThat(new CallerAuthentication(portal).getAuthorities())
                .map(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PORTAL", "SCOPE_petitions:read");
    }

    @Test
    void scopesAreCheckedAgainstTheKnownSet() {
        assertThat(Scopes.ALL).containsExactlyInAnyOrder("petitions:write", "petitions:read");
        assertThat(Scopes.unknown(List.of("petitions:read", "petitions:delete", "admin")))
                .containsExactly("admin", "petitions:delete");
        assertThat(Scopes.known()).isEqualTo("petitions:read, petitions:write");
    }

    @Test
    void aConfiguredKeyHasEveryScopeAndNeedsNoStore() {
        FakeMongo down = FakeMongo.unreachable();
        PortalKeys keys = new PortalKeys(demo, new PortalKeyStore(down.operations(), clock));

        Caller caller = keys.authenticate("demo-portal-key").orElseThrow().getPrincipal();

        assertThat(caller.name()).isEqualTo("portal:nghe-an-demo");
        assertThat(caller.roles()).containsExactly(Role.PORTAL);
        assertThat(caller.provinceCode()).isEqualTo("40");
        assertThat(caller.scopes()).isEqualTo(Scopes.ALL);
        assertThat(down.calls()).isZero();
        assertThat(keys.configuredProvince("nghe-an-demo")).contains("40");
        assertThat(keys.configuredProvince("other")).isEmpty();
    }

    @Test
    void onlyAKeyThatMayHaveBeenIssuedIsLookedUp() {
        FakeMongo down = FakeMongo.unreachable();
        PortalKeys keys = new PortalKeys(demo, new PortalKeyStore(down.operations(), clock));

        assertThat(keys.authenticate("not-the-key")).isEmpty();
        assertThat(keys.authenticate("gd_" + "x".repeat(300))).isEmpty();
        assertThat(down.calls()).isZero();
        assertThat(new PortalKeys(demo).authenticate(ApiKeys.newKey())).isEmpty();
    }

    @Test
    void anUnreachableStoreIsReportedNotTakenForAnUnknownKey() {
        FakeMongo down = FakeMongo.unreachable();
        PortalKeys keys = new PortalKeys(demo, new PortalKeyStore(down.operations(), clock));

        assertThatThrownBy(() -> keys.authenticate(ApiKeys.newKey()))
                .isInstanceOf(PortalKeyStoreUnavailableException.class)
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(down.calls()).isEqualTo(1);
    }

    @Test
    void anIssuedKeyIsItsPortalWithItsScopesAndLookupsAreCachedForTheTtl() {
        String key = ApiKeys.newKey();
        PortalKey record = record("pk_1", "nghe-an-portal", "40", Set.of(Scopes.PETITIONS_WRITE), key);
        FakeMongo mongo = FakeMongo.holding(record);
        AtomicLong now = new AtomicLong();
        PortalKeyStore store = new PortalKeyStore(mongo.operations(), clock, Duration.ofSeconds(30), 100, now::get);
        PortalKeys keys = new PortalKeys(demo, store);

        Caller caller = keys.authenticate(key).orElseThrow().getPrincipal();
        assertThat(caller.name()).isEqualTo("portal:nghe-an-portal");
        assertThat(caller.provinceCode()).isEqualTo("40");
        assertThat(caller.scopes()).containsExactly(Scopes.PETITIONS_WRITE);
        assertThat(mongo.finds()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(keys.authenticate(key)).isPresent();
        assertThat(mongo.finds()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(keys.authenticate(key)).isPresent();
        assertThat(mongo.finds()).isEqualTo(2);

        // Unknown keys are cached too, so a portal retrying a wrong key does not cost a read each time.
        String unknown = ApiKeys.newKey();
        assertThat(keys.authenticate(unknown)).isEmpty();
        assertThat(keys.authenticate(unknown)).isEmpty();
        assertThat(mongo.finds()).isEqualTo(3);
    }

    @Test
    void aRevocationThroughThisStoreVoidsItsCacheAtOnce() {
        String key = ApiKeys.newKey();
        PortalKey record = record("pk_1", "nghe-an-portal", "40", Scopes.ALL, key);
        FakeMongo mongo = FakeMongo.holding(record);
        PortalKeyStore store = new PortalKeyStore(mongo.operations(), clock, Duration.ofMinutes(5), 100, () -> 0L);
        PortalKeys keys = new PortalKeys(demo, store);
        assertThat(keys.authenticate(key)).isPresent();

        store.revoke("pk_1", "admin");
        mongo.replace(new PortalKey(
                "pk_1",
                "nghe-an-portal",
                "40",
                Scopes.ALL,
                record.keySha256(),
                null,
                record.createdAt(),
                "admin",
                clock.instant(),
                "admin"));

        assertThat(keys.authenticate(key)).isEmpty();
        assertThat(mongo.updates()).isEqualTo(1);
    }

    @Test
    void theCacheIsBounded() {
        FakeMongo mongo = FakeMongo.holding(null);
        PortalKeyStore store = new PortalKeyStore(mongo.operations(), clock, Duration.ofMinutes(5), 10, () -> 0L);
        for (int i = 0; i < 25; i++) {
            store.active(ApiKeys.sha256(ApiKeys.newKey()));
            assertThat(store.cached()).isLessThanOrEqualTo(10);
        }
    }

    static PortalKey record(String id, String portalId, String province, Set<String> scopes, String key) {
        return new PortalKey(
                id, portalId, province, scopes, ApiKeys.sha256(key), "label", clock.instant(), "admin", null, null);
    }

    /** A stand-in for MongoDB that holds at most one key record, or is unreachable. */
    static final class FakeMongo {

        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger finds = new AtomicInteger();
        private final AtomicInteger updates = new AtomicInteger();
        private final Function<String, Object> answer;
        private PortalKey held;

        private FakeMongo(PortalKey held, Function<String, Object> answer) {
            this.held = held;
            this.answer = answer;
        }

        static FakeMongo unreachable() {
            return new FakeMongo(null, method -> {
                throw new DataAccessResourceFailureException("Timed out after 5000 ms while waiting for a server");
            });
        }

        static FakeMongo holding(PortalKey record) {
            return new FakeMongo(record, null);
        }

        MongoOperations operations() {
            return (MongoOperations) Proxy.newProxyInstance(
                    MongoOperations.class.getClassLoader(),
                    new Class<?>[] {MongoOperations.class},
                    (proxy, m, args) -> {
                        calls.incrementAndGet();
                        if (answer != null) {
                            return answer.apply(m.getName());
                        }
                        return switch (m.getName()) {
                            case "findOne" -> {
                                finds.incrementAndGet();
                                yield matches(args[0].toString()) ? held : null;
                            }
                            case "findById" -> held != null && held.id().equals(args[0]) ? held : null;
                            case "updateFirst" -> {
                                updates.incrementAndGet();
                                yield null;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        };
                    });
        }

        private boolean matches(String query) {
            return held != null && query.contains(held.keySha256());
        }

        void replace(PortalKey record) {
            held = record;
        }

        int calls() {
            return calls.get();
        }

        int finds() {
            return finds.get();
        }

        int updates() {
            return updates.get();
        }
    }
}
