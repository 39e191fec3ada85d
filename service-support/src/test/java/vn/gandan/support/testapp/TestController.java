package vn.gandan.support.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.events.PetitionKind;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/** A few secured endpoints, enough to exercise the security baseline and the problem documents. */
@RestController
@RequestMapping("/api/v1")
class TestController {

    @GetMapping("/whoami")
    Caller whoami(Caller caller) {
        return caller;
    }

    @GetMapping("/reports/monthly")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> monthlyReport(Caller caller) {
        return Map.of("province", caller.provinceCode(), "petitions", 42);
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteRequest addNote(@Valid @RequestBody NoteRequest note) {
        if ("99999".equals(note.communeCode())) {
            // As services wrote it before ADR 0006: plain English, passed through as it is.
            throw new InvalidRequestException("communeCode", "no commune has code 99999");
        }
        if ("88888".equals(note.communeCode())) {
            throw InvalidRequestException.field("communeCode", "gandan.test.commune.unknown", note.communeCode());
        }
        if ("Trùng".equals(note.title())) {
            throw InvalidRequestException.of(
                    HttpStatus.CONFLICT,
                    Reason.of("gandan.test.note.conflict", "n-17"),
                    FieldReason.of("title", "gandan.test.note.title-used"));
        }
        return note;
    }

    /** Constraints on query parameters: Spring MVC's method validation. */
    @GetMapping("/notes/search")
    Map<String, Object> searchNotes(@RequestParam @Min(1) @Max(200) int size) {
        return Map.of("size", size);
    }

    record NoteRequest(
            @NotBlank @Size(max = 100) String title,
            @NotNull @Positive Integer priority,
            PetitionKind kind,
            // A service's own constraint message: a key in its messages*.properties (ADR 0006).
            @Pattern(regexp = "[0-9]{5}", message = "{gandan.test.commune.code}")
            String communeCode,

            Instant dueAt,
            Place place,
            List<Integer> attachments) {}

    record Place(String provinceCode, String communeCode) {}
}
