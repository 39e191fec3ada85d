package vn.gandan.intake.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import vn.gandan.intake.submission.Petition;
import vn.gandan.intake.submission.PetitionStatus;

/** Our statuses as the spec's two, with notes that say which of ours it is. */
final class Open311Statuses {

    static final String OPEN = "open";
    static final String CLOSED = "closed";

    /**
     * The statuses that end a petition; every other one is open. Names as routing will publish them, and
     * {@code archived}: imported from the portal's records, acted on elsewhere.
     */
    static final Set<String> CLOSING = Set.of("resolved", "rejected", PetitionStatus.ARCHIVED);

    private Open311Statuses() {}

    static String of(String status) {
        return CLOSING.contains(status) ? CLOSED : OPEN;
    }

    static String notes(Petition petition) {
        String status = petition.getStatus();
        if (status == null) {
            return null;
        }
        return switch (status) {
            case PetitionStatus.SUBMITTED -> "Đã tiếp nhận, đang xác định cơ quan có thẩm quyền (submitted)";
            case PetitionStatus.TRIAGE -> "Đang chờ cán bộ xác định cơ quan có thẩm quyền (triage)";
            case PetitionStatus.ROUTED ->
                petition.getAuthorityName() == null
                        ? "Đã chuyển đến cơ quan có thẩm quyền (routed)"
                        : "Đã chuyển đến " + petition.getAuthorityName() + " (routed)";
            case PetitionStatus.ARCHIVED -> "Hồ sơ lưu trữ, nhập từ hệ thống trước (archived)";
            case "resolved" -> "Đã giải quyết (resolved)";
            case "rejected" -> "Không thụ lý (rejected)";
            default -> status;
        };
    }

    /** W3C format with Vietnam's offset: {@code 2026-11-20T08:00:00+07:00}. */
    static String datetime(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), Petition.VIETNAM)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
