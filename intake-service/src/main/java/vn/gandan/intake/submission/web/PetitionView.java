package vn.gandan.intake.submission.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.intake.submission.Petition;

/** What a portal sees of a petition. The citizen's contact is not echoed back, nor the addresses of a consent. */
record PetitionView(
        String id,
        String trackingCode,
        String status,
        PetitionKind kind,
        String category,
        Channel channel,
        String title,
        String provinceCode,
        String communeCode,
        Petition.Coordinates coordinates,
        String triageReason,
        List<String> communeCandidates,
        double addressConfidence,
        String addressMethod,
        PetitionSubmitted.RelatedPetition relatedTo,
        String authorityName,
        Instant receivedAt,
        Instant submittedAt,
        String portalReference,
        String portalCategory,
        Map<String, String> details,
        List<Petition.Attachment> attachments,

        @JsonProperty("notify") @JsonInclude(JsonInclude.Include.NON_NULL)
        NotifyView consent,

        /** True for a petition imported from the portal's records (ADR 0017); absent for a live one. */
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean historical) {

    /** The citizen's consent as a portal may see it: which channels, never the addresses behind them. */
    record NotifyView(List<String> channels, String language, Instant givenAt, Instant withdrawnAt) {

        static NotifyView of(Petition.NotificationConsent consent) {
            return consent == null
                    ? null
                    : new NotifyView(consent.channels(), consent.language(), consent.givenAt(), consent.withdrawnAt());
        }
    }

    static PetitionView of(Petition petition) {
        return new PetitionView(
                petition.getId(),
                petition.getTrackingCode(),
                petition.getStatus(),
                petition.getKind(),
                petition.getCategory(),
                petition.getChannel(),
                petition.getTitle(),
                petition.getLocation().provinceCode(),
                petition.getLocation().communeCode(),
                petition.getLocation().coordinates(),
                petition.getLocation().triageReason(),
                petition.getLocation().candidates(),
                petition.getLocation().confidence(),
                petition.getLocation().method(),
                petition.getRelatedTo(),
                petition.getAuthorityName(),
                petition.getReceivedAt(),
                petition.getSubmittedAt(),
                petition.getPortalReference(),
                petition.getPortalCategory(),
                petition.getDetails(),
                petition.getAttachments(),
                NotifyView.of(petition.getConsent()),
                petition.isHistorical() ? Boolean.TRUE : null);
    }
}
