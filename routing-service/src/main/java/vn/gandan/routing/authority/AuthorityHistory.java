package vn.gandan.routing.authority;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every version of one body, oldest first, without gaps or overlaps: what the store holds for it.
 *
 * @param provinceCode fixed for the body's whole life
 * @param successorId the body that took over when it was dissolved; null if none was named or it is not dissolved
 */
public record AuthorityHistory(String id, String provinceCode, List<Authority> versions, String successorId) {

    public AuthorityHistory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provinceCode, "provinceCode");
        versions = versions.stream()
                .sorted(Comparator.comparing(Authority::effectiveFrom))
                .toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a body has at least one version: " + id);
        }
        for (Authority version : versions) {
            if (!version.id().equals(id) || !version.provinceCode().equals(provinceCode)) {
                throw new IllegalArgumentException("a version of another body in " + id);
            }
        }
    }

    public Optional<Authority> on(LocalDate day) {
        for (Authority version : versions) {
            if (version.isInForceOn(day)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    public Authority latest() {
        return versions.get(versions.size() - 1);
    }

    /** Whether it has ended: its latest version has an end. */
    public boolean isDissolved() {
        return latest().effectiveTo() != null;
    }

    /** The version in force on {@code day}, else the latest: what an admin looks at. */
    public Authority currentOrLatest(LocalDate day) {
        return on(day).orElseGet(this::latest);
    }
}
