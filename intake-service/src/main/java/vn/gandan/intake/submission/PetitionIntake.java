package vn.gandan.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Place;
import vn.gandan.intake.normalization.AddressResolver;
import vn.gandan.intake.normalization.NationalIds;
import vn.gandan.intake.normalization.PhoneNumbers;
import vn.gandan.intake.normalization.PhoneResult;
import vn.gandan.intake.normalization.Resolution;
import vn.gandan.intake.normalization.TextNormalizer;
import vn.gandan.intake.repeats.CitizenPseudonyms;
import vn.gandan.intake.repeats.Repeats;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/** Accepts a portal's petition: checks what the web layer cannot, stores it and its event in one write. */
@Service
@EnableConfigurationProperties(PortalCategories.class)
public class PetitionIntake {

    /** Clocks of portals and desks drift; a receipt this far ahead of ours is still taken as "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Triage reason: the portal sent only a point, which intake cannot place in a commune. */
    public static final String COORDINATES_ONLY = "coordinates_only";

    private final Petitions petitions;
    private final AddressResolver addresses;
    private final Repeats repeats;
    private final CitizenPseudonyms pseudonyms;
    private final PortalCategories portalCategories;
    private final Clock clock;

    PetitionIntake(
            Petitions petitions,
            Repeats repeats,
            CitizenPseudonyms pseudonyms,
            PortalCategories portalCategories,
            Clock clock) {
        this.petitions = petitions;
        this.repeats = repeats;
        this.pseudonyms = pseudonyms;
        this.portalCategories = portalCategories;
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
        return accept(submitted, idempotencyKey, portal, false);
    }

    /**
     * Imports a petition from the portal's records (ADR 0017): checked and stored as a live one, and marked so that
     * no clock runs for it and no one is told of it. It carries no consent to notifications.
     *
     * @throws InvalidRequestException as {@link #submit}, and if it asks for notifications
     */
    public Accepted importHistorical(NewPetition submitted, Caller portal) {
        if (submitted.citizen() != null && submitted.citizen().consent() != null) {
            throw InvalidRequestException.field("citizen.notify", "gandan.intake.historical.consent");
        }
        return accept(submitted, null, portal, true);
    }

    private Accepted accept(NewPetition submitted, String idempotencyKey, Caller portal, boolean historical) {
        String portalId = portalId(portal);
        List<FieldReason> hostile = HostileText.check(submitted);
        if (!hostile.isEmpty()) {
            throw invalidFields(hostile);
        }
        NewPetition request = normalized(submitted, portal.portalId());
        String digest = RequestDigests.of(request, historical);
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
                NotificationConsents.given(request.citizen(), now));
        petition.describe(
                request.attachments(),
                request.details(),
                request.category().equals(submitted.category()) ? null : submitted.category());
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
        if (historical) {
            petition.markHistorical();
        }
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
                related,
                request.details(),
                historical ? Boolean.TRUE : null));
        // After PetitionSubmitted, in the same write: the consent is never relayed without its petition.
        NotificationConsents.event(id, petition.getTrackingCode(), petition.getCitizen(), now)
                .ifPresent(petition::publish);
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

    private Optional<Petition> earlier(String idempotencyKey, String portalId, String portalReference) {
        var byKey =
                idempotencyKey == null ? Optional.<Petition>empty() : petitions.findByIdempotencyKey(idempotencyKey);
        if (byKey.isPresent() || portalReference == null) {
            return byKey;
        }
        return petitions.findByPortalKey(portalId + "|" + portalReference);
    }

    private static Accepted repeat(Petition earlier, String digest) {
        if (!digest.equals(earlier.getRequestDigest())) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of("gandan.intake.petition.conflict", earlier.getId()),
                    FieldReason.of("Idempotency-Key", "gandan.intake.idempotency-key.different-body"));
        }
        return new Accepted(earlier, false);
    }

    private void validate(NewPetition request, Instant now) {
        List<FieldReason> errors = new ArrayList<>();
        Categories.byCode(request.category())
                .ifPresentOrElse(
                        category -> errors.addAll(
                                category.check(request.details(), LocalDate.ofInstant(now, Petition.VIETNAM))),
                        () -> errors.add(FieldReason.of("category", "gandan.intake.category.unknown")));
        if (request.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(FieldReason.of("receivedAt", "gandan.intake.received-at.future"));
        }
        Petition.Coordinates point = request.coordinates();
        if (point != null && !inVietnam(point)) {
            errors.add(FieldReason.of("location.latitude", "gandan.intake.location.outside-vietnam"));
        }
        errors.addAll(whatTheLawNeeds(request));
        if (!errors.isEmpty()) {
            throw invalidFields(errors);
        }
    }

    /**
     * A complaint must name the complainant and where to answer (Law on Complaints 2011, art. 8); so must a
     * denunciation (Law on Denunciations 2018, art. 23). Recommendations may come from anyone, unnamed.
     */
    private static List<FieldReason> whatTheLawNeeds(NewPetition request) {
        if (request.kind() == PetitionKind.RECOMMENDATION) {
            return List.of();
        }
        boolean complaint = request.kind() == PetitionKind.COMPLAINT;
        // Both arguments are put in the caller's language with the reason: "a complaint", "đơn khiếu nại".
        Reason kind = Reason.of(complaint ? "gandan.intake.kind.complaint" : "gandan.intake.kind.denunciation");
        Reason law = Reason.of(complaint ? "gandan.intake.law.complaints" : "gandan.intake.law.denunciations");
        Petition.Citizen citizen = request.citizen();
        List<FieldReason> errors = new ArrayList<>();
        if (citizen == null || isBlank(citizen.name())) {
            errors.add(FieldReason.of("citizen.name", "gandan.intake.citizen.name.required", kind, law));
        }
        if (citizen == null || (isBlank(citizen.address()) && citizen.phone() == null && isBlank(citizen.email()))) {
            errors.add(FieldReason.of("citizen.address", "gandan.intake.citizen.contact.required", kind, law));
        }
        return errors;
    }

    private static InvalidRequestException invalidFields(List<FieldReason> errors) {
        return new InvalidRequestException(
                HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), errors);
    }

    /** Viet Nam's mainland and islands, Hoàng Sa and Trường Sa included, in a generous box. */
    private static boolean inVietnam(Petition.Coordinates point) {
        return point.latitude() >= 6 && point.latitude() <= 24 && point.longitude() >= 102 && point.longitude() <= 118;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
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
            case UNKNOWN_CODE -> throw InvalidRequestException.field(field, "gandan.intake.commune.unofficial");
            case OTHER_PROVINCE ->
                throw InvalidRequestException.field(field, "gandan.intake.commune.other-province", portalProvince);
            case RESOLVED, AMBIGUOUS, UNRESOLVED ->
                new Petition.Location(
                        portalProvince,
                        found.communeCode(),
                        request.address(),
                        onlyCoordinates(request) ? COORDINATES_ONLY : found.triageReason(),
                        found.candidates(),
                        found.confidence(),
                        found.method().wireName(),
                        request.coordinates());
        };
    }

    /**
     * Intake places points only through the commune code or address sent with them (it holds no boundaries), so a
     * petition with nothing but coordinates goes to an operator, who sees the point.
     */
    private static boolean onlyCoordinates(NewPetition request) {
        return request.coordinates() != null && request.communeCode() == null && isBlank(request.address());
    }

    /**
     * Text in NFC without control characters; the phone in E.164 and the identity number in digits, or a 400
     * naming why not; the portal's own category code as the catalogue's; a consent to notifications checked
     * against the contact it needs.
     */
    private NewPetition normalized(NewPetition request, String portalId) {
        List<FieldReason> errors = new ArrayList<>();
        Petition.Citizen citizen = request.citizen() == null ? null : citizen(request.citizen(), errors);
        if (!errors.isEmpty()) {
            throw invalidFields(errors);
        }
        Map<String, String> details = new TreeMap<>();
        request.details().forEach((code, value) -> details.put(code, TextNormalizer.title(value)));
        return new NewPetition(
                request.kind(),
                portalCategories.toCatalogue(portalId, request.category()),
                TextNormalizer.title(request.title()),
                TextNormalizer.body(request.description()),
                request.communeCode(),
                TextNormalizer.title(request.address()),
                request.coordinates(),
                request.channel(),
                request.receivedAt(),
                citizen,
                request.attachments(),
                details,
                request.portalReference());
    }

    private static Petition.Citizen citizen(Petition.Citizen given, List<FieldReason> errors) {
        String phone = null;
        if (!isBlank(given.phone())) {
            PhoneResult result = PhoneNumbers.normalize(given.phone());
            if (result.isValid()) {
                phone = result.e164();
            } else {
                // gandan.intake.phone.<code> reads as PhoneRejection's English and Vietnamese texts.
                errors.add(FieldReason.of(
                        "citizen.phone",
                        "gandan.intake.phone." + result.rejection().code()));
            }
        }
        String nationalId = null;
        if (!isBlank(given.nationalId())) {
            NationalIds.Result result = NationalIds.normalize(given.nationalId());
            if (result.isValid()) {
                nationalId = result.digits();
            } else {
                errors.add(FieldReason.of("citizen.nationalId", result.code()));
            }
        }
        Petition.NotificationConsent consent =
                given.consent() == null ? null : NotificationConsents.normalized(given.consent(), given, errors);
        return new Petition.Citizen(
                TextNormalizer.title(given.name()),
                phone,
                isBlank(given.email()) ? null : given.email().strip(),
                TextNormalizer.title(given.address()),
                nationalId,
                consent);
    }

    /** The portal as petitions record it: the caller's name, {@code portal:<id>}. */
    private static String portalId(Caller portal) {
        if (portal.portalId() == null) {
            throw new IllegalArgumentException("not a portal: " + portal.name());
        }
        return portal.name();
    }
}
