package vn.gandan.support.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.events.PetitionKind;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.InvalidRequestException;

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
        if (note.communeCode() != null && note.communeCode().equals("99999")) {
            throw new InvalidRequestException("communeCode", "no commune has code 99999");
        }
        return note;
    }

    record NoteRequest(
            @NotBlank String title,
            @NotNull @Positive Integer priority,
            PetitionKind kind,
            @Pattern(regexp = "[0-9]{5}") String communeCode,
            Instant dueAt,
            Place place,
            List<Integer> attachments) {}

    record Place(String provinceCode, String communeCode) {}
}
