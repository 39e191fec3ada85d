package vn.gandan.reporting.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins rebuild the projections from the topics (the security configuration keeps admin paths to ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/projections/rebuild")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Projections", description = "Rebuild of every projection from the topics into a new version")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Starts a rebuild into the next version; 409 while one is running")
    RebuildStatus start() {
        return rebuild.start();
    }

    @GetMapping
    @Operation(summary = "The progress of the last rebuild")
    RebuildStatus status() {
        return rebuild.status();
    }
}
