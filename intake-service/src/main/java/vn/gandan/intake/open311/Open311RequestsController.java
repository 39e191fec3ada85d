package vn.gandan.intake.open311;

import static vn.gandan.intake.open311.Open311Format.SUFFIX;
import static vn.gandan.intake.open311.Open311ServicesController.BASE;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.intake.open311.Open311Views.Created;
import vn.gandan.intake.open311.Open311Views.ServiceRequest;
import vn.gandan.intake.open311.Open311Views.Token;
import vn.gandan.intake.submission.Petition;
import vn.gandan.intake.submission.PetitionIntake;
import vn.gandan.intake.submission.Petitions;
import vn.gandan.support.security.Caller;

/**
 * Service requests: a portal files petitions (its key needs the {@code petitions:write} scope) and follows those of
 * its own province ({@code petitions:read}). Another province's request is reported as not found, as in the native
 * API.
 */
@RestController
@PreAuthorize("hasRole('PORTAL')")
class Open311RequestsController {

    private final PetitionIntake intake;
    private final Petitions petitions;
    private final ServiceRequestForm form;
    private final ServiceRequestSearch search;
    private final Open311Responses responses;
    private final AdminUnits adminUnits = AdminUnits.official();

    Open311RequestsController(
            PetitionIntake intake,
            Petitions petitions,
            ServiceRequestForm form,
            ServiceRequestSearch search,
            Open311Responses responses) {
        this.intake = intake;
        this.petitions = petitions;
        this.form = form;
        this.search = search;
        this.responses = responses;
    }

    /** Form-encoded, as the spec sends it; the petition is created at once, so the answer has its id. */
    @PostMapping(BASE + "/requests" + SUFFIX)
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:write')")
    ResponseEntity<byte[]> create(
            @PathVariable String format, @RequestParam MultiValueMap<String, String> fields, Caller portal) {
        PetitionIntake.Accepted accepted = intake.submit(form.toPetition(fields), portal);
        Petition petition = accepted.petition();
        Created created = new Created(petition.getId(), "Đã tiếp nhận. " + tracking(petition), null);
        ResponseEntity.BodyBuilder response = accepted.created()
                ? ResponseEntity.created(URI.create(BASE + "/requests/" + petition.getId() + "." + format))
                : ResponseEntity.ok();
        return responses.respond(response, Open311Format.of(format), "service_requests", List.of(created));
    }

    @GetMapping(BASE + "/requests" + SUFFIX)
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:read')")
    ResponseEntity<byte[]> list(
            @PathVariable String format, @RequestParam MultiValueMap<String, String> params, Caller portal) {
        List<ServiceRequest> found = search.find(portal.provinceCode(), search.parse(params)).stream()
                .map(this::view)
                .toList();
        return responses.ok(Open311Format.of(format), "service_requests", found);
    }

    @GetMapping(BASE + "/requests/{id}" + SUFFIX)
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:read')")
    ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format, Caller portal) {
        ServiceRequest request = petitions
                .findVisible(id, portal)
                .map(this::view)
                .orElseThrow(() -> Open311Exception.notFound("service_request_id " + id + " was not found"));
        return responses.ok(Open311Format.of(format), "service_requests", List.of(request));
    }

    /** Requests are created at once, so a token is simply the request's id; kept for clients that ask anyway. */
    @GetMapping(BASE + "/tokens/{token}" + SUFFIX)
    @PreAuthorize("hasRole('PORTAL') and hasAuthority('SCOPE_petitions:read')")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format, Caller portal) {
        Token found = petitions
                .findVisible(token, portal)
                .map(petition -> new Token(petition.getId(), token))
                .orElseThrow(() -> Open311Exception.notFound("token " + token + " was not found"));
        return responses.ok(Open311Format.of(format), "service_requests", List.of(found));
    }

    private ServiceRequest view(Petition petition) {
        Petition.Location location = petition.getLocation();
        return new ServiceRequest(
                petition.getId(),
                Open311Statuses.of(petition.getStatus()),
                Open311Statuses.notes(petition),
                Open311Catalogue.serviceName(petition.getCategory()),
                petition.getCategory(),
                petition.getDescription(),
                petition.getAuthorityName(),
                tracking(petition),
                Open311Statuses.datetime(petition.getReceivedAt()),
                // The petition keeps no time of its last change yet: its acceptance is the best we know.
                Open311Statuses.datetime(petition.getSubmittedAt()),
                null,
                address(location),
                location.communeCode(),
                null,
                location.coordinates() == null ? null : location.coordinates().latitude(),
                location.coordinates() == null ? null : location.coordinates().longitude(),
                petition.getAttachments().isEmpty()
                        ? null
                        : petition.getAttachments().get(0).url());
    }

    /** The citizen's words, else the commune and province, most specific first. */
    private String address(Petition.Location location) {
        if (location.address() != null) {
            return location.address();
        }
        if (location.communeCode() == null) {
            return null;
        }
        return adminUnits
                .commune(location.communeCode())
                .map(commune -> commune.name()
                        + adminUnits
                                .province(commune.provinceCode())
                                .map(province -> ", " + province.name())
                                .orElse(""))
                .orElse(null);
    }

    private static String tracking(Petition petition) {
        return "Mã theo dõi (tracking code): " + petition.getTrackingCode();
    }
}
