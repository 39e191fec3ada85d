package vn.gandan.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.intake.normalization.AddressResolver;
import vn.gandan.intake.normalization.PhoneNumbers;
import vn.gandan.intake.normalization.PhoneResult;
import vn.gandan.intake.normalization.Resolution;
import vn.gandan.intake.normalization.TextNormalizer;
import vn.gandan.intake.repeats.CitizenPseudonyms;
import vn.gandan.intake.repeats.Repeats;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.ProblemDetailsAutoConfiguration;

/** Accepts a portal's petition: checks what the web layer cannot, stores it and its event in one write. */
@Service
public class PetitionIntake {

    /** Clocks of portals and desks drift; a receipt this far ahead of ours is still taken as "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Petitions petitions;
    private final AddressResolver addresses;
    private final Repeats repeats;
    private final CitizenPseudonyms pseudonyms;
    private final Clock clock;

    PetitionIntake(Petitions petitions, Repeats repeats, CitizenPseudonyms pseudonyms, Clock clock) {
        this.petitions = petitions;
        this.repeats = repeats;
        this.pseudonyms = pseudonyms;
        this.addresses = AddressResolver.official();
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
        return submit(request, null, portal);
    }

    /**
     * Submits once: a retry with the same {@code idempotencyKey}, or the same portal reference, returns the
     * petition the first call created.
     *
     * @param idempotencyKey the portal's {@code Idempotency-Key}, or null
     * @throws InvalidRequestException 409 if that key or reference was used for a different petition
     */
    public Accepted submit(NewPetition submitted, String idempotencyKey, Caller portal) {
        NewPetition request = normalized(submitted);
        String portalId = portalId(portal);
        String digest = RequestDigests.of(request);
        String keyed = idempotencyKey == null ? null : portalId + "|" + idempotencyKey;
        var earlier = earlier(keyed, portalId, request.portalReference());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), digest);
        }
        Instant now = clock.instant();
        validate(request, now);
        Petition.Location location = locate(request, portal.provinceCode());
        PetitionId id = PetitionId.random();
        Petition petition = new Petition(
                id.toString(),
                TrackingCodes.next(location.provinceCode()),
                portalId,
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
        petition.identify(keyed, digest);
        Repeats.Facts facts = new Repeats.Facts(
                location.provinceCode(),
                location.communeCode(),
                request.category(),
                pseudonyms.of(request.citizen()),
                request.title(),
                request.description(),
                request.receivedAt());
        var related = repeats.earlierOf(facts).orElse(null);
        petition.link(facts.citizenRef(), related);
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
                location.triageReason(),
                facts.citizenRef(),
                related));
        try {
            Petition created = petitions.insert(petition);
            repeats.remember(created.getId(), facts);
            return new Accepted(created, true);
        } catch (DuplicateKeyException raced) {
            // Two calls with the same key at once: the first one's petition is the answer.
            return earlier(keyed, portalId, request.portalReference())
                    .map(first -> repeat(first, digest))
                    .orElseThrow(() -> raced);
        }
    }

    private java.util.Optional<Petition> earlier(String idempotencyKey, String portalId, String portalReference) {
        var byKey = idempotencyKey == null
                ? java.util.Optional.<Petition>empty()
                : petitions.findByIdempotencyKey(idempotencyKey);
        if (byKey.isPresent() || portalReference == null) {
            return byKey;
        }
        return petitions.findByPortalKey(portalId + "|" + portalReference);
    }

    private static Accepted repeat(Petition earlier, String digest) {
        if (!digest.equals(earlier.getRequestDigest())) {
            throw new InvalidRequestException(
                    HttpStatus.CONFLICT,
                    "This Idempotency-Key or portalReference was already used for a different petition ("
                            + earlier.getId() + ").",
                    List.of(new ProblemDetailsAutoConfiguration.FieldError(
                            "Idempotency-Key", "was used before with a different request body")));
        }
        return new Accepted(earlier, false);
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
     * A commune code, or an address that resolves to one, must lie in the portal's province. An address that
     * resolves to several communes or to none is kept, and the petition goes to an operator in the portal's
     * province: a vague address never loses a petition.
     */
    private Petition.Location locate(NewPetition request, String portalProvince) {
        Resolution found = addresses.resolve(request.communeCode(), request.address(), portalProvince);
        String field = request.communeCode() != null ? "location.communeCode" : "location.address";
        return switch (found.outcome()) {
            case UNKNOWN_CODE -> throw new InvalidRequestException(field, "is not an official commune code");
            case OTHER_PROVINCE ->
                throw new InvalidRequestException(field, "is not in this portal's province (" + portalProvince + ")");
            case RESOLVED, AMBIGUOUS, UNRESOLVED ->
                new Petition.Location(
                        portalProvince,
                        found.communeCode(),
                        request.address(),
                        found.triageReason(),
                        found.candidates(),
                        found.confidence(),
                        found.method().wireName());
        };
    }

    /** Text in NFC without control characters; the phone in E.164, or a 400 naming why not. */
    private static NewPetition normalized(NewPetition request) {
        Petition.Citizen citizen = request.citizen();
        if (citizen != null && citizen.phone() != null && !citizen.phone().isBlank()) {
            PhoneResult phone = PhoneNumbers.normalize(citizen.phone());
            if (!phone.isValid()) {
                throw new InvalidRequestException("citizen.phone", phone.reasonEn());
            }
            citizen = new Petition.Citizen(TextNormalizer.title(citizen.name()), phone.e164(), citizen.email());
        } else if (citizen != null) {
            citizen = new Petition.Citizen(TextNormalizer.title(citizen.name()), null, citizen.email());
        }
        return new NewPetition(
                request.kind(),
                request.category(),
                TextNormalizer.title(request.title()),
                TextNormalizer.body(request.description()),
                request.communeCode(),
                TextNormalizer.title(request.address()),
                request.channel(),
                request.receivedAt(),
                citizen,
                request.portalReference());
    }

    private static String portalId(Caller portal) {
        return portal.name();
    }
}
