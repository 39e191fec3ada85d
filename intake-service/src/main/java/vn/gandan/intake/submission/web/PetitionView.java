package vn.gandan.intake.submission.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.intake.submission.Petition;

/** What a portal sees of a petition. The citizen's contact is not echoed back. */
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
        List<Petition.Attachment> attachments) {

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
                petition.getAttachments());
    }
}
