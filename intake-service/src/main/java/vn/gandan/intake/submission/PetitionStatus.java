package vn.gandan.intake.submission;

/** The statuses a portal sees. */
public final class PetitionStatus {

    public static final String SUBMITTED = "submitted";
    public static final String ROUTED = "routed";
    public static final String TRIAGE = "triage";
    /** Imported from the portal's records and recorded by routing; no one acts on it (ADR 0017). */
    public static final String ARCHIVED = "archived";

    private PetitionStatus() {}
}
