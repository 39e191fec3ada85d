package vn.gandan.reporting.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.support.web.InvalidRequestException;

/** Admins rebuild the projections from the topics (the security configuration keeps admin paths to ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
@Tag(
        name = "Projections",
        description = "Rebuild of every projection from the topics into a new version, and which version is active")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Starts a rebuild into the next version; 409 while one is running")
    RebuildStatus start() {
        return rebuild.start();
    }

    @GetMapping("/rebuild")
    @Operation(summary = "The progress of the last rebuild on this instance")
    RebuildStatus status() {
        return rebuild.status();
    }

    record Active(Integer version) {}

    @PutMapping("/active")
    @Operation(
            summary = "Makes a kept version active again, e.g. the one before a rebuild",
            description = "409 while a rebuild runs; 400 if that version is not kept")
    Active activate(@RequestBody Active wanted) {
        if (wanted == null || wanted.version() == null) {
            throw InvalidRequestException.field("version", "gandan.reporting.required");
        }
        return new Active(rebuild.activate(wanted.version()).number());
    }
}
