package vn.gandan.intake.submission;

/** The statuses a portal sees. */
public final class PetitionStatus {

    public static final String SUBMITTED = "submitted";
    public static final String ROUTED = "routed";
    public static final String TRIAGE = "triage";

    private PetitionStatus() {}
}
