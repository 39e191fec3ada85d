package vn.gandan.routing.clock;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.gandan.events.PetitionKind;

/**
 * One version of the legal time limit of a step of a kind of petition, in force from {@code effectiveFrom} to
 * {@code effectiveTo} (both inclusive; no end while {@code effectiveTo} is null).
 *
 * @param startsOn the event whose day starts the period
 * @param limit the ordinary limit, in {@code unit}; positive
 * @param complexLimit replaces {@code limit} for a complex (or especially complex) case; null if the law has none
 * @param remoteLimit replaces {@code limit} in a remote or difficult area; null if the law has none
 * @param remoteComplexLimit for a complex case in a remote area; null if the law has none
 * @param extensions what the law allows beyond the limit; empty if nothing
 * @param basis the legal text, for the explanation shown to people
 * @param note what the step covers, or when a variant applies; may be null
 */
public record ClockPolicy(
        PetitionKind kind,
        ClockStep step,
        ClockStart startsOn,
        int limit,
        DayUnit unit,
        Integer complexLimit,
        Integer remoteLimit,
        Integer remoteComplexLimit,
        List<ExtensionRule> extensions,
        String basis,
        String note,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    /**
     * Extensions the law allows a case of complexity {@code when}: at most {@code times}, each at most
     * {@code days} in the policy's unit.
     */
    public record ExtensionRule(Complexity when, int times, int days) {
        public ExtensionRule {
            Objects.requireNonNull(when, "when");
            if (times < 1 || days < 1) {
                throw new IllegalArgumentException("an extension rule needs positive times and days");
            }
        }
    }

    public ClockPolicy {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(step, "step is required");
        Objects.requireNonNull(startsOn, "startsOn is required");
        Objects.requireNonNull(unit, "unit is required");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom is required");
        CalendarYear.requireText(basis, "basis");
        if (!step.appliesTo(kind)) {
            throw new IllegalArgumentException(kind.code() + " has no step " + step.code());
        }
        requirePositive(limit, "limit");
        requirePositive(complexLimit, "complexLimit");
        requirePositive(remoteLimit, "remoteLimit");
        requirePositive(remoteComplexLimit, "remoteComplexLimit");
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        if (extensions.stream().map(ExtensionRule::when).distinct().count() < extensions.size()) {
            throw new IllegalArgumentException("two extension rules for one complexity in " + kind + " " + step);
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "effectiveTo " + effectiveTo + " precedes effectiveFrom " + effectiveFrom);
        }
    }

    /** A stable name of this version, e.g. {@code complaint.acceptance@2026-07-01}, to record with a case. */
    public String id() {
        return kind.code() + "." + step.code() + "@" + effectiveFrom;
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** The limit for a case in these circumstances, before any extension. */
    public int limitFor(Circumstances circumstances) {
        boolean complex = circumstances.complexity().atLeastComplex();
        if (circumstances.remoteArea() && complex && remoteComplexLimit != null) {
            return remoteComplexLimit;
        }
        if (circumstances.remoteArea() && remoteLimit != null) {
            return remoteLimit;
        }
        if (complex && complexLimit != null) {
            return complexLimit;
        }
        return limit;
    }

    public Optional<ExtensionRule> extensionFor(Complexity complexity) {
        return extensions.stream().filter(rule -> rule.when() == complexity).findFirst();
    }

    boolean overlaps(ClockPolicy other) {
        boolean startsBeforeOtherEnds = other.effectiveTo == null || !effectiveFrom.isAfter(other.effectiveTo);
        boolean otherStartsBeforeThisEnds = effectiveTo == null || !other.effectiveFrom.isAfter(effectiveTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    private static void requirePositive(Integer value, String field) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}
