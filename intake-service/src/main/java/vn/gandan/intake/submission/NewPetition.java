package vn.gandan.intake.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;

/**
 * A petition as a portal submits it, already checked for shape by the web layer.
 *
 * @param category a catalogue code, or the portal's own code for it (see {@link PortalCategories})
 * @param communeCode the new (post-2025) commune code, or null
 * @param address free text as the citizen wrote it, or null
 * @param coordinates where it is, or null
 * @param attachments links to files the portal keeps; never fetched by intake
 * @param details the category's extra facts by field code (see {@link Categories.Field})
 */
public record NewPetition(
        PetitionKind kind,
        String category,
        String title,
        String description,
        String communeCode,
        String address,
        Petition.Coordinates coordinates,
        Channel channel,
        Instant receivedAt,
        Petition.Citizen citizen,
        List<Petition.Attachment> attachments,
        Map<String, String> details,
        String portalReference) {

    public NewPetition {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = details == null ? Map.of() : details;
    }
}
