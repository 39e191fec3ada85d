package vn.gandan.intake.catalogue;

import java.util.List;
import java.util.Map;
import vn.gandan.events.Labels;
import vn.gandan.events.PetitionKind;

/** Kinds with their laws, and channels, as intake's APIs show them (the names are {@link Labels}). */
public final class Catalogue {

    /** A petition kind with the law that governs it. */
    public record Kind(String code, String nameVi, String nameEn, String law) {}

    private static final Map<String, String> LAWS = Map.of(
            PetitionKind.RECOMMENDATION.code(), "Luật Tiếp công dân 2013; Nghị định 20/2008/NĐ-CP",
            PetitionKind.COMPLAINT.code(), "Luật Khiếu nại 2011",
            PetitionKind.DENUNCIATION.code(), "Luật Tố cáo 2018");

    public static final List<Kind> KINDS = Labels.KINDS.stream()
            .map(k -> new Kind(k.code(), k.nameVi(), k.nameEn(), LAWS.get(k.code())))
            .toList();

    public static final List<Labels.Label> CHANNELS = Labels.CHANNELS;

    /**
     * What the law needs of the citizen for each kind: complaints and denunciations must name the citizen and say
     * where to answer ({@code citizen.address}, or a phone or e-mail); recommendations may be anonymous.
     */
    public static final Map<String, List<String>> LAW_REQUIRES = Map.of(
            PetitionKind.RECOMMENDATION.code(), List.of(),
            PetitionKind.COMPLAINT.code(), List.of("citizen.name", "citizen.address|citizen.phone|citizen.email"),
            PetitionKind.DENUNCIATION.code(), List.of("citizen.name", "citizen.address|citizen.phone|citizen.email"));

    private Catalogue() {}
}
