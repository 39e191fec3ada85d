package vn.gandan.routing.authority;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole directory at one revision, indexed for the routing hot path: by id, by type and place, by name key.
 * Immutable; a change builds a new one.
 */
final class DirectorySnapshot {

    /** Several bodies of a type in one place on one day: the most recently reorganized first, then by id. */
    private static final Comparator<Authority> PREFERRED =
            Comparator.comparing(Authority::effectiveFrom).reversed().thenComparing(Authority::id);

    private final long revision;
    private final Map<String, AuthorityHistory> byId;
    private final Map<String, List<Authority>> byTypeAndPlace;
    private final Map<String, Map<String, List<Authority>>> byNameKeyInProvince;
    private final Map<String, List<String>> idsByProvince;

    DirectorySnapshot(long revision, Collection<AuthorityHistory> bodies) {
        this.revision = revision;
        Map<String, AuthorityHistory> ids = new HashMap<>();
        Map<String, List<Authority>> places = new HashMap<>();
        Map<String, Map<String, List<Authority>>> names = new HashMap<>();
        Map<String, List<String>> provinces = new HashMap<>();
        for (AuthorityHistory body : bodies) {
            ids.put(body.id(), body);
            provinces
                    .computeIfAbsent(body.provinceCode(), p -> new ArrayList<>())
                    .add(body.id());
            for (Authority version : body.versions()) {
                places.computeIfAbsent(
                                placeKey(version.type(), version.department(), version.adminUnitCode()),
                                k -> new ArrayList<>())
                        .add(version);
                Map<String, List<Authority>> province =
                        names.computeIfAbsent(version.provinceCode(), p -> new HashMap<>());
                for (String key : keysOf(version)) {
                    province.computeIfAbsent(key, k -> new ArrayList<>()).add(version);
                }
            }
        }
        places.values().forEach(list -> list.sort(PREFERRED));
        provinces.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        this.byId = Map.copyOf(ids);
        this.byTypeAndPlace = Map.copyOf(places);
        this.byNameKeyInProvince = Map.copyOf(names);
        this.idsByProvince = Map.copyOf(provinces);
    }

    static DirectorySnapshot empty() {
        return new DirectorySnapshot(0, List.of());
    }

    /** The same bodies with one added or replaced, at a new revision. */
    DirectorySnapshot with(AuthorityHistory changed, long newRevision) {
        Map<String, AuthorityHistory> bodies = new HashMap<>(byId);
        bodies.put(changed.id(), changed);
        return new DirectorySnapshot(newRevision, bodies.values());
    }

    long revision() {
        return revision;
    }

    int size() {
        return byId.size();
    }

    Optional<AuthorityHistory> history(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Authority> find(String id, LocalDate on) {
        AuthorityHistory body = byId.get(id);
        return body == null ? Optional.empty() : body.on(on);
    }

    Optional<Authority> byType(AuthorityType type, String department, String unitCode, LocalDate on) {
        for (Authority version : byTypeAndPlace.getOrDefault(placeKey(type, department, unitCode), List.of())) {
            if (version.isInForceOn(on)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    List<Authority> named(String key, String provinceCode, LocalDate on) {
        List<Authority> found =
                byNameKeyInProvince.getOrDefault(provinceCode, Map.of()).getOrDefault(key, List.of());
        return found.stream()
                .filter(version -> version.isInForceOn(on))
                .sorted(Comparator.comparing(Authority::id))
                .toList();
    }

    /** The bodies of a province (all of them when null), in id order. */
    List<AuthorityHistory> bodies(String provinceCode) {
        if (provinceCode == null) {
            return byId.values().stream()
                    .sorted(Comparator.comparing(AuthorityHistory::id))
                    .toList();
        }
        return idsByProvince.getOrDefault(provinceCode, List.of()).stream()
                .map(byId::get)
                .toList();
    }

    static Set<String> keysOf(Authority version) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(AuthorityNames.key(version.name()));
        version.aliases().forEach(alias -> keys.add(AuthorityNames.key(alias)));
        keys.remove("");
        return keys;
    }

    private static String placeKey(AuthorityType type, String department, String unitCode) {
        return type + "|" + (department == null ? "" : department) + "|" + unitCode;
    }
}
