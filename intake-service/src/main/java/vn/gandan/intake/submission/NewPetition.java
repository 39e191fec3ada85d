package vn.gandan.intake.submission;

import java.time.Instant;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;

/**
 * A petition as a portal submits it, already checked for shape by the web layer.
 *
 * @param communeCode the new (post-2025) commune code, or null
 * @param address free text as the citizen wrote it, or null
 */
public record NewPetition(
        PetitionKind kind,
        String category,
        String title,
        String description,
        String communeCode,
        String address,
        Channel channel,
        Instant receivedAt,
        Petition.Citizen citizen,
        String portalReference) {}
