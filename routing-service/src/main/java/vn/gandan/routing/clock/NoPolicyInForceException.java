package vn.gandan.routing.clock;

import java.time.LocalDate;
import vn.gandan.events.PetitionKind;

/** No version of a step's time limit was in force on the day a petition was received. */
public class NoPolicyInForceException extends RuntimeException {

    public NoPolicyInForceException(PetitionKind kind, ClockStep step, LocalDate receivedOn) {
        super("no " + kind.code() + " " + step.code() + " time limit in force on " + receivedOn);
    }

    /** A case names a policy version the bundled data no longer has. */
    public NoPolicyInForceException(String policyId) {
        super("no bundled time limit " + policyId);
    }
}
