package vn.gandan.reporting.resolution;

import java.time.Instant;
import java.util.UUID;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Channel;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;

/** The plainest events of a petition, for tests that apply them to the projector directly. */
final class TestEvents {

    private TestEvents() {}

    /** A health recommendation from a portal, submitted when received. */
    static PetitionSubmitted submitted(PetitionId petition, Place place, Instant received) {
        return new PetitionSubmitted(
                UUID.randomUUID(),
                petition,
                received,
                place.provinceCode() + "-X",
                "portal:it",
                PetitionKind.RECOMMENDATION,
                "health",
                Channel.PORTAL,
                received,
                place,
                "t",
                null,
                null);
    }

    /** Routed an hour after receipt, to be acknowledged by {@code due}. */
    static PetitionRouted routed(PetitionId petition, AuthorityRef to, Place place, Instant received, Instant due) {
        return new PetitionRouted(
                UUID.randomUUID(),
                petition,
                received.plusSeconds(3600),
                to,
                place,
                "r",
                1,
                new Deadline(Deadline.ACCEPTANCE, due, "p@1"));
    }
}
