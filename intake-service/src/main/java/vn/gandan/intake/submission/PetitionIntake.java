package vn.gandan.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import vn.gandan.support.outbox.NewAggregates;
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
    private final NewAggregates newAggregates;
    private final Clock clock;

    PetitionIntake(
            Petitions petitions,
            NewAggregates newAggregates,
            Repeats repeats,
            CitizenPseudonyms pseudonyms,
            PortalCategories portalCategories,
            Clock clock) {
        this.petitions = petitions;
        this.newAggregates = newAggregates;
        this.repeats = repeats;
        this.pseudonyms = pseudonyms;
        this.portalCategories = portalCategories;
        this.addresses = AddressResolver.official();
        this.clock = clock;
    }

    /** The outcome: the petition, and whether this call created it (false: a repeat of the same reference). */
    public record Accepted(Petition petition, boolean created) {}

    /** One petition's outcome in a batch: accepted, or refused with the reason (the other is null). */
    public record Outcome(Accepted accepted, InvalidRequestException refused) {}

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
        Outcome outcome = accept(List.of(new Submission(submitted, idempotencyKey)), portal, false)
                .get(0);
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.accepted();
    }

    /**
     * Submits a batch as {@link #submit} would each of its petitions in turn, at a few store commands for the
     * whole batch: one lookup of their portal references, one of their places' and citizens' recent petitions,
     * one insert and one update. A petition may repeat an earlier one of the same batch.
     */
    public List<Outcome> submitAll(List<NewPetition> submitted, Caller portal) {
        return acceptAll(submitted, portal, false);
    }

    /**
     * Imports petitions from the portal's records (ADR 0017), as {@link #submitAll}: checked and stored as live
     * ones, and marked so that no clock runs for them and no one is told of them. They carry no consent to
     * notifications; one that asks for it is refused.
     */
    public List<Outcome> importAll(List<NewPetition> submitted, Caller portal) {
        return acceptAll(submitted, portal, true);
    }

    /** A batch carries no {@code Idempotency-Key}: its items are known by their portal references. */
    private List<Outcome> acceptAll(List<NewPetition> submitted, Caller portal, boolean historical) {
        return accept(submitted.stream().map(p -> new Submission(p, null)).toList(), portal, historical);
    }

    private record Submission(NewPetition petition, String idempotencyKey) {}

    /** A submission normalized, with what identifies it: the digest of its body and its portal-scoped key. */
    private record Checked(int index, NewPetition request, String sentCategory, String digest, String keyed) {}

    /** A new petition, built and not yet stored, with what finding its repeats needs. */
    private record Draft(Checked item, Petition petition, Repeats.Facts facts) {}

    /** In four steps, each over the whole batch; {@code outcomes} is filled in as each item is settled. */
    private List<Outcome> accept(List<Submission> submissions, Caller portal, boolean historical) {
        Outcome[] outcomes = new Outcome[submissions.size()];
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                checked.add(check(i, submissions.get(i), portal, historical));
            } catch (InvalidRequestException refused) {
                outcomes[i] = new Outcome(null, refused);
            }
        }
        List<Draft> drafts = draftNew(checked, portal, historical, outcomes);
        link(drafts, historical);
        store(drafts, portalId(portal), outcomes);
        return Arrays.asList(outcomes);
    }

    /** Drafts those that repeat no earlier petition by key or reference; answers the others with that one. */
    private List<Draft> draftNew(List<Checked> checked, Caller portal, boolean historical, Outcome[] outcomes) {
        Earlier earlier = earlier(checked, portalId(portal));
        Instant now = clock.instant();
        List<Draft> drafts = new ArrayList<>();
        for (Checked item : checked) {
            try {
                Optional<Petition> first = earlier.of(item);
                if (first.isPresent()) {
                    outcomes[item.index()] = new Outcome(repeat(first.get(), item.digest()), null);
                    continue;
                }
                Draft draft = draft(item, portal, historical, now);
                earlier.add(draft.petition());
                drafts.add(draft);
            } catch (InvalidRequestException refused) {
                outcomes[item.index()] = new Outcome(null, refused);
            }
        }
        return drafts;
    }

    /** Each draft linked to the petition it repeats, an earlier draft of the batch included, and its events recorded. */
    private void link(List<Draft> drafts, boolean historical) {
        Repeats.Recent recent = repeats.recall(drafts.stream().map(Draft::facts).toList());
        for (Draft draft : drafts) {
            publish(draft, recent.earlierOf(draft.facts()).orElse(null), historical);
            recent.add(draft.petition().getId(), draft.facts());
        }
    }

    private void store(List<Draft> drafts, String portalId, Outcome[] outcomes) {
        List<Petition> inserted = newAggregates.insert(
                Petition.class, drafts.stream().map(Draft::petition).toList(), Petition::getId);
        List<Repeats.Remembered> remembered = new ArrayList<>();
        for (Draft draft : drafts) {
            if (inserted.contains(draft.petition())) {
                outcomes[draft.item().index()] = new Outcome(new Accepted(draft.petition(), true), null);
                remembered.add(new Repeats.Remembered(draft.petition().getId(), draft.facts()));
            } else {
                outcomes[draft.item().index()] = raced(draft.item(), portalId);
            }
        }
        repeats.rememberAll(remembered);
    }

    /** Hostile text refused, then normalized; historical petitions may not ask to be told. */
    private Checked check(int index, Submission submission, Caller portal, boolean historical) {
        NewPetition submitted = submission.petition();
        if (historical && submitted.citizen() != null && submitted.citizen().consent() != null) {
            throw InvalidRequestException.field("citizen.notify", "gandan.intake.historical.consent");
        }
        List<FieldReason> hostile = HostileText.check(submitted);
        if (!hostile.isEmpty()) {
            throw invalidFields(hostile);
        }
        NewPetition request = normalized(submitted, portal.portalId());
        String key = submission.idempotencyKey();
        return new Checked(
                index,
                request,
                submitted.category(),
                RequestDigests.of(request, historical),
                key == null ? null : portalId(portal) + "|" + key);
    }

    private Draft draft(Checked item, Caller portal, boolean historical, Instant now) {
        NewPetition request = item.request();
        validate(request, now);
        Petition.Location location = locate(request, portal.provinceCode());
        Petition petition = new Petition(
                PetitionId.random().toString(),
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
                NotificationConsents.given(request.citizen(), now));
        petition.describe(
                request.attachments(),
                request.details(),
                request.category().equals(item.sentCategory()) ? null : item.sentCategory());
        petition.identify(item.keyed(), item.digest());
        if (historical) {
            petition.markHistorical();
        }
        Repeats.Facts facts = Repeats.Facts.of(
                location.provinceCode(),
                location.communeCode(),
                request.category(),
                pseudonyms.of(request.citizen()),
                request.title(),
                request.description(),
                request.receivedAt());
        return new Draft(item, petition, facts);
    }

    /** Links the repeat found and records the petition's events, which go out with it in its insert. */
    private static void publish(Draft draft, PetitionSubmitted.RelatedPetition related, boolean historical) {
        Petition petition = draft.petition();
        Instant now = petition.getSubmittedAt();
        NewPetition request = draft.item().request();
        Petition.Location location = petition.getLocation();
        PetitionId id = PetitionId.of(petition.getId());
        petition.link(draft.facts().citizenRef(), related);
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
                draft.facts().citizenRef(),
                related,
                request.details(),
                historical ? Boolean.TRUE : null));
        // After PetitionSubmitted, in the same write: the consent is never relayed without its petition.
        NotificationConsents.event(id, petition.getTrackingCode(), petition.getCitizen(), now)
                .ifPresent(petition::publish);
    }

    /**
     * The petitions a batch repeats, by {@code Idempotency-Key} (first) or portal reference, read in one query
     * each; the batch's own new ones are added as they are drafted, so a reference sent twice in one batch is one
     * petition.
     */
    private Earlier earlier(List<Checked> items, String portalId) {
        Earlier earlier = new Earlier(portalId);
        List<String> keys =
                items.stream().map(Checked::keyed).filter(Objects::nonNull).toList();
        if (!keys.isEmpty()) {
            petitions.findByIdempotencyKeyIn(keys).forEach(earlier::add);
        }
        List<String> references = items.stream()
                .map(item -> earlier.portalKey(item.request()))
                .filter(Objects::nonNull)
                .toList();
        if (!references.isEmpty()) {
            petitions.findByPortalKeyIn(references).forEach(earlier::add);
        }
        return earlier;
    }

    private static final class Earlier {

        private final String portalId;
        private final Map<String, Petition> byIdempotencyKey = new HashMap<>();
        private final Map<String, Petition> byPortalKey = new HashMap<>();

        Earlier(String portalId) {
            this.portalId = portalId;
        }

        String portalKey(NewPetition request) {
            return request.portalReference() == null ? null : portalId + "|" + request.portalReference();
        }

        void add(Petition petition) {
            if (petition.getIdempotencyKey() != null) {
                byIdempotencyKey.putIfAbsent(petition.getIdempotencyKey(), petition);
            }
            if (petition.getPortalKey() != null) {
                byPortalKey.putIfAbsent(petition.getPortalKey(), petition);
            }
        }

        Optional<Petition> of(Checked item) {
            Petition byKey = item.keyed() == null ? null : byIdempotencyKey.get(item.keyed());
            if (byKey != null) {
                return Optional.of(byKey);
            }
            String portalKey = portalKey(item.request());
            return Optional.ofNullable(portalKey == null ? null : byPortalKey.get(portalKey));
        }
    }

    /** Refused by the store: another call with the same key or reference went in first, and is the answer. */
    private Outcome raced(Checked item, String portalId) {
        Earlier first = earlier(List.of(item), portalId);
        Petition petition =
                first.of(item).orElseThrow(() -> new IllegalStateException("petition refused as a duplicate of none"));
        try {
            return new Outcome(repeat(petition, item.digest()), null);
        } catch (InvalidRequestException refused) {
            return new Outcome(null, refused);
        }
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
