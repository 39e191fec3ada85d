package vn.gandan.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;

/** Accepts a portal's petition: checks what the web layer cannot, stores it and its event in one write. */
@Service
public class PetitionIntake {

    /** Clocks of portals and desks drift; a receipt this far ahead of ours is still taken as "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Petitions petitions;
    private final AdminUnits adminUnits;
    private final Clock clock;

    PetitionIntake(Petitions petitions, Clock clock) {
        this.petitions = petitions;
        this.adminUnits = AdminUnits.official();
        this.clock = clock;
    }

    /** The outcome: the petition, and whether this call created it (false: a repeat of the same reference). */
    public record Accepted(Petition petition, boolean created) {}

    /**
     * @param portal must be a portal caller with a province
     * @throws InvalidRequestException if the petition breaks a rule (unknown category or commune, another
     *     province, receipt in the future)
     */
    public Accepted submit(NewPetition request, Caller portal) {
        if (request.portalReference() != null) {
            var existing = petitions.findByPortalKey(portalId(portal) + "|" + request.portalReference());
            if (existing.isPresent()) {
                return new Accepted(existing.get(), false);
            }
        }
        Instant now = clock.instant();
        validate(request, now);
        Petition.Location location = locate(request, portal.provinceCode());
        PetitionId id = PetitionId.random();
        Petition petition = new Petition(
                id.toString(),
                TrackingCodes.next(location.provinceCode()),
                portalId(portal),
                request.portalReference(),
                request.kind(),
                request.category(),
                request.channel(),
                request.receivedAt(),
                now,
                request.title(),
                request.description(),
                location,
                request.citizen());
        petition.publish(new PetitionSubmitted(
                UUID.randomUUID(),
                id,
                now,
                petition.getTrackingCode(),
                petition.getPortalId(),
                request.kind(),
                request.category(),
                request.channel(),
                request.receivedAt(),
                new Place(location.provinceCode(), location.communeCode()),
                request.title(),
                request.description(),
                location.triageReason()));
        try {
            return new Accepted(petitions.insert(petition), true);
        } catch (DuplicateKeyException raced) {
            // Two calls with the same portal reference at once: the first one's petition is the answer.
            return petitions
                    .findByPortalKey(petition.getPortalId() + "|" + request.portalReference())
                    .map(existing -> new Accepted(existing, false))
                    .orElseThrow(() -> raced);
        }
    }

    private void validate(NewPetition request, Instant now) {
        if (!Categories.isKnown(request.category())) {
            throw new InvalidRequestException("category", "is not in the catalogue (GET /api/v1/catalogue)");
        }
        if (request.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequestException("receivedAt", "is in the future");
        }
    }

    /**
     * A known commune code must lie in the portal's province. Free text is kept and the petition goes to an
     * operator in the portal's province: a vague address never loses a petition.
     */
    private Petition.Location locate(NewPetition request, String portalProvince) {
        if (request.communeCode() != null) {
            Commune commune = adminUnits
                    .commune(request.communeCode())
                    .orElseThrow(() ->
                            new InvalidRequestException("location.communeCode", "is not an official commune code"));
            if (!commune.provinceCode().equals(portalProvince)) {
                throw new InvalidRequestException(
                        "location.communeCode", "is not in this portal's province (" + portalProvince + ")");
            }
            return new Petition.Location(portalProvince, commune.code(), request.address(), null);
        }
        return new Petition.Location(portalProvince, null, request.address(), "address_unresolved");
    }

    private static String portalId(Caller portal) {
        return portal.name();
    }
}
