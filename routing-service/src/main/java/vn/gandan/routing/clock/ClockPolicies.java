package vn.gandan.routing.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.events.PetitionKind;

/** Every version of every legal time limit, as the bundled {@code policies.json} lists them. Immutable. */
public final class ClockPolicies {

    static final String RESOURCE = "policies.json";

    /** The file's shape: a note on where the limits come from, and the versions. */
    record PolicyFile(String source, List<ClockPolicy> policies) {}

    private final List<ClockPolicy> policies;

    private ClockPolicies(List<ClockPolicy> policies) {
        this.policies = policies;
    }

    /**
     * @throws IllegalArgumentException if two versions of one kind and step are in force on the same day
     */
    public static ClockPolicies of(Collection<ClockPolicy> policies) {
        List<ClockPolicy> all = List.copyOf(policies);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                ClockPolicy a = all.get(i);
                ClockPolicy b = all.get(j);
                if (a.kind() == b.kind() && a.step() == b.step() && a.overlaps(b)) {
                    throw new IllegalArgumentException(a.id() + " and " + b.id() + " are in force at the same time");
                }
            }
        }
        return new ClockPolicies(all);
    }

    /**
     * The policies bundled with the service.
     *
     * @throws IllegalStateException if the file is missing or invalid
     */
    public static ClockPolicies bundled() {
        try (InputStream in = ClockPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path next to " + ClockPolicies.class);
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ClockPolicies read(InputStream in, String origin) {
        JsonMapper json = JsonMapper.builder()
                // Policy data is ours: a misspelt field must fail the start, not vanish.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        try {
            PolicyFile file = json.readValue(in, PolicyFile.class);
            if (file.policies() == null || file.policies().isEmpty()) {
                throw new IllegalStateException(origin + " lists no policies");
            }
            return of(file.policies());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("invalid clock policies " + origin + ": " + e.getMessage(), e);
        }
    }

    /**
     * The version in force on the day the petition was received, which the case keeps for its whole life.
     *
     * @param receivedOn the local date (Asia/Ho_Chi_Minh) of {@code receivedAt}
     * @throws NoPolicyInForceException if none was in force that day
     */
    public ClockPolicy inForce(PetitionKind kind, ClockStep step, LocalDate receivedOn) {
        return policies.stream()
                .filter(policy -> policy.kind() == kind && policy.step() == step && policy.isInForceOn(receivedOn))
                .findFirst()
                .orElseThrow(() -> new NoPolicyInForceException(kind, step, receivedOn));
    }

    /** The version of the given {@link ClockPolicy#id()}, to explain a case computed earlier. */
    public Optional<ClockPolicy> byId(String id) {
        return policies.stream().filter(policy -> policy.id().equals(id)).findFirst();
    }

    public List<ClockPolicy> all() {
        return new ArrayList<>(policies);
    }
}
