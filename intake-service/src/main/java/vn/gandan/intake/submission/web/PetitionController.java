package vn.gandan.intake.submission.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.intake.submission.NewPetition;
import vn.gandan.intake.submission.Petition;
import vn.gandan.intake.submission.PetitionIntake;
import vn.gandan.intake.submission.PetitionSearch;
import vn.gandan.intake.submission.PetitionStatus;
import vn.gandan.intake.submission.Petitions;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.ProblemDetailsAutoConfiguration.FieldError;
import vn.gandan.support.web.ProblemMessages;
import vn.gandan.support.web.Reason;

@RestController
@RequestMapping("/api/v1")
class PetitionController {

    static final int MAX_BATCH = 500;

    /** A key, not text: UUIDs, ULIDs, base64 and the like; no spaces, quotes, braces or markup (ADR 0014). */
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._~:+/=-]{1,200}");

    static final List<String> STATUSES =
            List.of(PetitionStatus.SUBMITTED, PetitionStatus.ROUTED, PetitionStatus.TRIAGE, PetitionStatus.ARCHIVED);

    private final PetitionIntake intake;
    private final Petitions petitions;
    private final PetitionSearch search;
    private final Validator validator;
    private final ProblemMessages messages;

    PetitionController(
            PetitionIntake intake,
            Petitions petitions,
            PetitionSearch search,
            Validator validator,
            ProblemMessages messages) {
        this.intake = intake;
        this.petitions = petitions;
        this.search = search;
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * 201 with the new petition; 200 with the earlier one when the {@code Idempotency-Key} or the portal
     * reference was seen before with the same body; 409 when it was seen with a different one.
     */
    @PostMapping("/petitions")
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:write')")
    ResponseEntity<PetitionView> submit(
            @Valid @RequestBody SubmitPetitionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Caller portal) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw InvalidRequestException.field("Idempotency-Key", "gandan.intake.idempotency-key.characters");
        }
        PetitionIntake.Accepted accepted = intake.submit(request.toNewPetition(), idempotencyKey, portal);
        PetitionView view = PetitionView.of(accepted.petition());
        return accepted.created()
                ? ResponseEntity.created(URI.create("/api/v1/petitions/" + view.id()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    /**
     * @param historical true to import the petitions from the portal's records (ADR 0017): no clock runs for them
     *     and no one is told; absent or false for live ones
     */
    record BatchRequest(List<SubmitPetitionRequest> petitions, Boolean historical) {}

    /** One item's outcome: its HTTP-like status, and the petition or the errors (in the caller's language). */
    record BatchItem(int index, int status, PetitionView petition, List<FieldError> errors) {}

    record BatchResponse(int accepted, int rejected, List<BatchItem> results) {}

    /**
     * Up to 500 petitions, live or all historical; each is answered on its own, so one bad item does not fail the
     * rest.
     */
    @PostMapping("/petitions:batch")
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:write')")
    BatchResponse submitBatch(@RequestBody BatchRequest batch, Caller portal) {
        if (batch.petitions() == null
                || batch.petitions().isEmpty()
                || batch.petitions().size() > MAX_BATCH) {
            throw InvalidRequestException.field("petitions", "gandan.intake.batch.size", String.valueOf(MAX_BATCH));
        }
        BatchItem[] results = new BatchItem[batch.petitions().size()];
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            results[i] = refusal(i, batch.petitions().get(i));
            if (results[i] == null) {
                valid.add(i);
            }
        }
        List<NewPetition> submitted = valid.stream()
                .map(i -> batch.petitions().get(i).toNewPetition())
                .toList();
        List<PetitionIntake.Outcome> outcomes = Boolean.TRUE.equals(batch.historical())
                ? intake.importAll(submitted, portal)
                : intake.submitAll(submitted, portal);
        for (int k = 0; k < valid.size(); k++) {
            results[valid.get(k)] = item(valid.get(k), outcomes.get(k));
        }
        int accepted =
                (int) Arrays.stream(results).filter(r -> r.status() < 300).count();
        return new BatchResponse(accepted, results.length - accepted, List.of(results));
    }

    /** The item's errors, if it is missing or breaks the request's constraints; null if intake may take it. */
    private BatchItem refusal(int index, SubmitPetitionRequest request) {
        if (request == null) {
            return new BatchItem(
                    index,
                    400,
                    null,
                    List.of(new FieldError("", messages.text(Reason.of("gandan.intake.batch.item-missing")))));
        }
        // Spring's validator interpolates in the request's locale (LocaleContextHolder), as for @Valid bodies.
        var violations = validator.validate(request);
        if (violations.isEmpty()) {
            return null;
        }
        return new BatchItem(
                index,
                400,
                null,
                violations.stream()
                        .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                        .toList());
    }

    private BatchItem item(int index, PetitionIntake.Outcome outcome) {
        if (outcome.refused() != null) {
            return new BatchItem(index, outcome.refused().status().value(), null, messages.errors(outcome.refused()));
        }
        var accepted = outcome.accepted();
        return new BatchItem(index, accepted.created() ? 201 : 200, PetitionView.of(accepted.petition()), null);
    }

    /** A caller sees only its own province's petitions; others are reported as not found. */
    @GetMapping("/petitions/{id}")
    @PreAuthorize("(hasRole('PORTAL') and hasAuthority('SCOPE_petitions:read')) or hasAnyRole('OPERATOR', 'ADMIN')")
    ResponseEntity<PetitionView> get(@PathVariable String id, Caller caller) {
        return petitions
                .findVisible(id, caller)
                .map(PetitionView::of)
                .map(ResponseEntity::ok)
                .orElseThrow(() -> notFound(id));
    }

    /** A problem document, as every refusal is; the same for an unknown id and another province's (ADR 0005). */
    static InvalidRequestException notFound(String id) {
        return InvalidRequestException.of(HttpStatus.NOT_FOUND, Reason.of("gandan.intake.petition.not-found"));
    }

    record PageView(List<PetitionView> items, int page, int size, long total) {}

    /**
     * The caller's province's petitions, newest received first.
     *
     * @param from first day received (Vietnam time), inclusive
     * @param to last day received, inclusive
     */
    @GetMapping("/petitions")
    @PreAuthorize("(hasRole('PORTAL') and hasAuthority('SCOPE_petitions:read')) or hasRole('OPERATOR')")
    PageView list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            Caller caller) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidRequestException.field("status", "gandan.intake.status.unknown", String.join(", ", STATUSES));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidRequestException.field("from", "gandan.intake.range.from-after-to");
        }
        var filter = new PetitionSearch.Filter(
                caller.provinceCode(),
                status,
                from == null ? null : from.atStartOfDay(Petition.VIETNAM).toInstant(),
                to == null
                        ? null
                        : to.plusDays(1).atStartOfDay(Petition.VIETNAM).toInstant());
        var found = search.find(filter, page, size);
        return new PageView(
                found.items().stream().map(PetitionView::of).toList(), found.page(), found.size(), found.total());
    }
}
