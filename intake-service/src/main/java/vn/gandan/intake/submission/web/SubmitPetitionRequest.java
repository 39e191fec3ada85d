package vn.gandan.intake.submission.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
        @Size(max = 10) List<@NotNull @Valid AttachmentRequest> attachments,
        @Size(max = 20) Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,49}") String, @NotNull String> details,

        @Size(max = 100)
        @Pattern(regexp = "[\\p{L}\\p{N}._:/#-]+", message = "{gandan.intake.portal-reference.characters}")
        String portalReference) {

    /** Any of a commune code, an address, a point; the code decides when several are given. */
    record LocationRequest(
            @Pattern(regexp = "\\d{5}", message = "{gandan.intake.location.commune-code}")
            String communeCode,

            @Size(max = 500) String address,

            @DecimalMin("-90") @DecimalMax("90") Double latitude,

            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        @AssertTrue(message = "{gandan.intake.location.given}")
        boolean isGiven() {
            return communeCode != null || (address != null && !address.isBlank()) || latitude != null;
        }

        @AssertTrue(message = "{gandan.intake.location.point-whole}")
        boolean isPointWhole() {
            return (latitude == null) == (longitude == null);
        }

        Petition.Coordinates coordinates() {
            return latitude == null || longitude == null ? null : new Petition.Coordinates(latitude, longitude);
        }
    }

    /** {@code notify} present is the citizen's consent to be told about the petition (docs/adr/0010). */
    record CitizenRequest(
            @Size(max = 200) String name,
            @Size(max = 30) String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 500) String address,
            @Size(max = 20) String nationalId,
            @JsonProperty("notify") NotifyRequest consent) {}

    /**
     * Checked by intake, not by bean validation, so that errors name the JSON field {@code citizen.notify.*} (the
     * Java name cannot be {@code notify}, which is {@link Object#notify()}).
     *
     * @param channels any of {@code sms}, {@code zalo} (both need {@code phone}), {@code email} (needs {@code email})
     * @param language {@code vi} (when absent) or {@code en}
     */
    record NotifyRequest(List<String> channels, String language) {

        Petition.NotificationConsent toConsent() {
            return new Petition.NotificationConsent(channels, language, null, null);
        }
    }

    record AttachmentRequest(
            @NotNull
            @Size(max = 2000)
            @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*", message = "{gandan.intake.attachment.url}")
            String url,

            @Size(max = 200) String name,

            @Size(max = 100) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "{gandan.intake.attachment.media-type}")
            String mediaType) {}

    NewPetition toNewPetition() {
        return new NewPetition(
                kind,
                category,
                title.strip(),
                description,
                location.communeCode(),
                location.address(),
                location.coordinates(),
                channel,
                receivedAt.toInstant(),
                citizen == null
                        ? null
                        : new Petition.Citizen(
                                citizen.name(),
                                citizen.phone(),
                                citizen.email(),
                                citizen.address(),
                                citizen.nationalId(),
                                citizen.consent() == null
                                        ? null
                                        : citizen.consent().toConsent()),
                attachments == null
                        ? List.of()
                        : attachments.stream()
                                .map(a -> new Petition.Attachment(a.url(), a.name(), a.mediaType()))
                                .toList(),
                details,
                portalReference);
    }
}
