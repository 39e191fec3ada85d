package vn.gandan.intake.submission.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.intake.submission.NewPetition;
import vn.gandan.intake.submission.Petition;

/** The body of {@code POST /api/v1/petitions}. */
record SubmitPetitionRequest(
        @NotNull PetitionKind kind,
        @NotBlank @Size(max = 100) String category,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull @Valid LocationRequest location,
        @NotNull Channel channel,
        @NotNull OffsetDateTime receivedAt,
        @Valid CitizenRequest citizen,
        @Size(max = 100) String portalReference) {

    record LocationRequest(
            @Pattern(regexp = "\\d{5}", message = "must be a 5-digit commune code")
            String communeCode,

            @Size(max = 500) String address) {

        @AssertTrue(message = "needs a communeCode or an address")
        boolean isGiven() {
            return communeCode != null || (address != null && !address.isBlank());
        }
    }

    record CitizenRequest(
            @Size(max = 200) String name,
            @Size(max = 30) String phone,
            @Email @Size(max = 200) String email) {}

    NewPetition toNewPetition() {
        return new NewPetition(
                kind,
                category,
                title.strip(),
                description,
                location.communeCode(),
                location.address(),
                channel,
                receivedAt.toInstant(),
                citizen == null ? null : new Petition.Citizen(citizen.name(), citizen.phone(), citizen.email()),
                portalReference);
    }
}
