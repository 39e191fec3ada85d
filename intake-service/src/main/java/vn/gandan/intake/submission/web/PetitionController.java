package vn.gandan.intake.submission.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.intake.submission.PetitionIntake;
import vn.gandan.intake.submission.Petitions;
import vn.gandan.support.security.Caller;

@RestController
@RequestMapping("/api/v1/petitions")
class PetitionController {

    private final PetitionIntake intake;
    private final Petitions petitions;

    PetitionController(PetitionIntake intake, Petitions petitions) {
        this.intake = intake;
        this.petitions = petitions;
    }

    /** 201 with the new petition; 200 with the existing one when the portal reference was seen before. */
    @PostMapping
    @PreAuthorize("hasRole('PORTAL')")
    ResponseEntity<PetitionView> submit(@Valid @RequestBody SubmitPetitionRequest request, Caller portal) {
        PetitionIntake.Accepted accepted = intake.submit(request.toNewPetition(), portal);
        PetitionView view = PetitionView.of(accepted.petition());
        return accepted.created()
                ? ResponseEntity.created(URI.create("/api/v1/petitions/" + view.id()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    /** A caller sees only its own province's petitions; others are reported as not found. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('PORTAL', 'OPERATOR', 'ADMIN')")
    ResponseEntity<PetitionView> get(@PathVariable String id, Caller caller) {
        return petitions
                .findById(id)
                .filter(p -> caller.mayAccessProvince(p.getLocation().provinceCode()))
                .map(PetitionView::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
