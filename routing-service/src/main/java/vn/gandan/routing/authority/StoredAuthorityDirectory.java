package vn.gandan.routing.authority;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gandan.adminunits.AdminUnits;

/**
 * The {@link AuthorityDirectory} routing uses: the store's bodies held in memory, so a lookup never waits on
 * MongoDB. Seeded from the admin-unit data when built; reloaded after a change made here, and by {@link
 * DirectoryRefresh} when another instance's change moves the revision counter.
 */
public class StoredAuthorityDirectory implements AuthorityDirectory {

    /** Dates of the directory are Viet Nam's: "today" turns at midnight in Hà Nội, not in UTC. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Logger log = LoggerFactory.getLogger(StoredAuthorityDirectory.class);

    private final AuthorityStore store;
    private final AdminUnits adminUnits;
    private final Clock clock;
    private volatile DirectorySnapshot snapshot = DirectorySnapshot.empty();

    StoredAuthorityDirectory(AuthorityStore store, AdminUnits adminUnits, Clock clock) {
        this.store = store;
        this.adminUnits = adminUnits;
        this.clock = clock;
    }

    /**
     * The directory as generated from the official admin units, with {@code extra} bodies added (or replacing
     * generated ones of the same id), held in memory and never stored: for tests, tools and benchmarks.
     */
    public static StoredAuthorityDirectory generated(Clock clock, Authority... extra) {
        List<AuthorityHistory> bodies = new ArrayList<>(GeneratedAuthorities.of(AdminUnits.official()));
        for (Authority body : extra) {
            bodies.add(new AuthorityHistory(body.id(), body.provinceCode(), List.of(body), null));
        }
        return inMemory(bodies, AdminUnits.official(), clock);
    }

    /** A directory of the given bodies that never reads a store: for tests and tools. */
    static StoredAuthorityDirectory inMemory(List<AuthorityHistory> bodies, AdminUnits adminUnits, Clock clock) {
        StoredAuthorityDirectory directory = new StoredAuthorityDirectory(null, adminUnits, clock);
        directory.snapshot = new DirectorySnapshot(0, bodies);
        return directory;
    }

    /**
     * Inserts the generated bodies the store lacks (never touching one it holds, edited or not) and loads the
     * directory. Running it again, here or on another instance, changes nothing.
     *
     * @return how many bodies this call inserted
     */
    int seed() {
        int inserted = store.insertMissing(GeneratedAuthorities.of(adminUnits), clock.instant());
        if (inserted > 0) {
            store.nextRevision();
        }
        reload();
        log.info(
                "Authority directory {}: {} bodies ({} inserted from the admin-unit data)",
                version(),
                snapshot.size(),
                inserted);
        return inserted;
    }

    /** Reads the whole directory from the store. */
    synchronized void reload() {
        // The counter first: a change landing during the read is then read again on the next refresh.
        long revision = store.revision();
        snapshot = new DirectorySnapshot(
                revision, store.all().stream().map(AuthorityDocument::toHistory).toList());
    }

    /** Reloads if another instance changed the directory since it was loaded. */
    synchronized void refreshIfChanged() {
        long revision = store.revision();
        if (revision != snapshot.revision()) {
            reload();
            log.info("Authority directory reloaded at {}", version());
        }
    }

    /** After a change stored here: the snapshot takes it at once, without reading the whole store again. */
    synchronized void changed(AuthorityHistory body, long newRevision) {
        DirectorySnapshot current = snapshot;
        if (newRevision == current.revision() + 1) {
            snapshot = current.with(body, newRevision);
        } else {
            // Someone else changed it too since our last load: read it all.
            reload();
        }
    }

    /** Today in Viet Nam: what "in force" means when no date is given. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Every version of a body, dissolved or not. */
    public Optional<AuthorityHistory> history(String id) {
        return snapshot.history(id);
    }

    /** The bodies of a province, or of the whole country when {@code provinceCode} is null, in id order. */
    public List<AuthorityHistory> bodies(String provinceCode) {
        return snapshot.bodies(provinceCode);
    }

    @Override
    public Optional<Authority> find(String id, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return id == null ? Optional.empty() : snapshot.find(id, on);
    }

    @Override
    public Optional<Authority> byType(
            AuthorityType type, String department, String provinceCode, String communeCode, LocalDate on) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(on, "on");
        if (type.isCommuneLevel()) {
            if (communeCode == null) {
                return Optional.empty();
            }
            return snapshot.byType(type, null, communeCode, on)
                    .filter(found ->
                            provinceCode == null || found.provinceCode().equals(provinceCode));
        }
        if (provinceCode == null || (type == AuthorityType.PROVINCIAL_DEPARTMENT && department == null)) {
            return Optional.empty();
        }
        return snapshot.byType(type, type == AuthorityType.PROVINCIAL_DEPARTMENT ? department : null, provinceCode, on);
    }

    @Override
    public List<Authority> named(String text, String provinceCode, LocalDate on) {
        Objects.requireNonNull(on, "on");
        String key = AuthorityNames.key(text);
        if (key.isEmpty() || provinceCode == null) {
            return List.of();
        }
        return snapshot.named(key, provinceCode, on);
    }

    @Override
    public List<Authority> inProvince(String provinceCode, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return snapshot.bodies(provinceCode).stream()
                .flatMap(body -> body.on(on).stream())
                .toList();
    }

    /** Whether {@code part} is in the version's name or one of its aliases, accents, case and short forms ignored. */
    public static boolean nameContains(Authority version, String part) {
        String key = AuthorityNames.key(part);
        return DirectorySnapshot.keysOf(version).stream().anyMatch(name -> name.contains(key));
    }

    /** E.g. {@code 2025-07-01/2026-07+r3}: the admin-unit data it was generated from and the store's revision. */
    @Override
    public String version() {
        return adminUnits.dataVersion() + "+r" + snapshot.revision();
    }
}
