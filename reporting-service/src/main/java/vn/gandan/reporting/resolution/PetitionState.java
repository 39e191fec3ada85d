package vn.gandan.reporting.resolution;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.gandan.events.Deadline;
import vn.gandan.events.EventType;

/**
 * What the figures know of one petition, derived from its whole sorted timeline ({@link #derive}), so that events
 * arriving late or out of order give the same state as in order.
 *
 * <p><b>Handled</b>: the last {@code resolved}, or {@code rejected} with a reason code, not followed by a
 * {@code reopened}; a reopened case is open again until it is answered again, and then counts with its latest
 * answer. <b>On time</b>: handled at or before {@code dueAt} (the last second of the due day, Viet Nam time) of
 * the deadline in force at the handling event (the latest deadline set before it by routed, acknowledged,
 * transferred, deadline extended, clock resumed, reopened or escalated); handled with no deadline in force counts
 * as on time. <b>Days to handle</b>: calendar days from the date of receipt to the date of handling, both in Viet
 * Nam time (same day = 0).
 *
 * <p><b>Historical</b> (ADR 0017): imported from a portal's records, as its submission says (or its routing, which
 * may overtake it: routing marks the events of an imported petition too). Its step is {@code archived} whatever
 * routing said, and the figures count it only as imported ({@link Buckets#contributionOf}).
 *
 * @param provinceCode from the latest routing (routed, routing failed), else the submission
 * @param authorityId the authority the case is with now (the one that answered it, once handled)
 * @param state the last event's step: submitted, triage, routed, acknowledged, transferred, paused, resolved,
 *     rejected, closed, reopened, escalated; archived for a historical petition
 * @param deadline the deadline in force now
 * @param historical {@code true} for a petition imported from a portal's records, else null (nothing stored)
 */
public record PetitionState(
        String provinceCode,
        String communeCode,
        String kind,
        String category,
        String channel,
        Instant receivedAt,
        String authorityId,
        String authorityName,
        String state,
        Deadline deadline,
        Instant handledAt,
        String handledBy,
        Boolean onTime,
        Integer daysToHandle,
        int escalations,
        int transfers,
        boolean repeat,
        int notificationFailures,
        Boolean historical) {

    public PetitionState {
        historical = Boolean.TRUE.equals(historical) ? Boolean.TRUE : null;
    }

    /** Imported from a portal's records: on the record, but with an outcome gandan does not know. */
    public boolean fromHistory() {
        return historical != null;
    }

    /** Counted as a repeat: a live petition naming an earlier one (which may be historical); never a historical one. */
    public boolean countsAsRepeat() {
        return repeat && !fromHistory();
    }

    public boolean handled() {
        return handledAt != null;
    }

    /** Counted in the figures once its submission is known: without a date of receipt it has no period. */
    public boolean countable() {
        return receivedAt != null && provinceCode != null;
    }

    public static PetitionState derive(List<TimelineEntry> timeline) {
        List<TimelineEntry> sorted = new ArrayList<>(timeline);
        sorted.sort(TimelineEntry.ORDER);
        String province = null;
        String commune = null;
        boolean placeFromRouting = false;
        String kind = null;
        String category = null;
        String channel = null;
        Instant receivedAt = null;
        String authorityId = null;
        String authorityName = null;
        String state = null;
        Deadline deadline = null;
        Instant handledAt = null;
        String handledBy = null;
        String handledByName = null;
        Deadline deadlineAtHandling = null;
        int escalations = 0;
        int transfers = 0;
        boolean repeat = false;
        int notificationFailures = 0;
        boolean historical = false;
        for (TimelineEntry e : sorted) {
            EventType type = EventType.ofTypeName(e.type()).orElse(null);
            if (type == null) {
                continue;
            }
            if (e.provinceCode() != null && (type != EventType.PETITION_SUBMITTED || !placeFromRouting)) {
                province = e.provinceCode();
                commune = e.communeCode();
                placeFromRouting = type != EventType.PETITION_SUBMITTED;
            }
            if (e.authorityId() != null
                    && type != EventType.PETITION_DEADLINE_APPROACHING
                    && type != EventType.PETITION_OVERDUE) {
                authorityId = e.authorityId();
                authorityName = e.authorityName();
            }
            switch (type) {
                case PETITION_SUBMITTED -> {
                    kind = e.kind();
                    category = e.category();
                    channel = e.channel();
                    receivedAt = e.receivedAt();
                    repeat = e.repeat();
                    state = state == null ? "submitted" : state;
                }
                case PETITION_ROUTING_FAILED -> state = "triage";
                case PETITION_ROUTED -> state = "routed";
                case PETITION_ACKNOWLEDGED -> state = "acknowledged";
                case PETITION_TRANSFERRED -> {
                    transfers++;
                    state = "transferred";
                }
                case PETITION_ESCALATED -> {
                    escalations++;
                    state = "escalated";
                }
                case PETITION_CLOCK_PAUSED -> state = "paused";
                case PETITION_CLOCK_RESUMED -> state = "acknowledged";
                case PETITION_RESOLVED -> {
                    state = "resolved";
                    handledAt = e.occurredAt();
                    handledBy = e.authorityId();
                    handledByName = e.authorityName();
                    deadlineAtHandling = deadline;
                }
                case PETITION_REJECTED -> {
                    state = "rejected";
                    if (e.reason() != null && !e.reason().isBlank()) {
                        handledAt = e.occurredAt();
                        handledBy = e.authorityId();
                        handledByName = e.authorityName();
                        deadlineAtHandling = deadline;
                    }
                }
                case PETITION_CLOSED -> state = "closed";
                case PETITION_REOPENED -> {
                    state = "reopened";
                    handledAt = null;
                    handledBy = null;
                    handledByName = null;
                    deadlineAtHandling = null;
                }
                case NOTIFICATION_FAILED -> notificationFailures++;
                default -> {}
            }
            if (e.deadline() != null && setsDeadline(type)) {
                deadline = e.deadline();
            }
            historical |= e.fromHistory();
        }
        if (historical) {
            state = "archived"; // what routing records it as: a final step, with no clock (ADR 0017)
        }
        Boolean onTime = null;
        Integer days = null;
        if (handledAt != null) {
            onTime = deadlineAtHandling == null || !handledAt.isAfter(deadlineAtHandling.dueAt());
            if (receivedAt != null) {
                days = (int) ChronoUnit.DAYS.between(Periods.dateOf(receivedAt), Periods.dateOf(handledAt));
            }
        }
        return new PetitionState(
                province,
                commune,
                kind,
                category,
                channel,
                receivedAt,
                handledBy != null ? handledBy : authorityId,
                handledBy != null ? handledByName : authorityName,
                state,
                deadline,
                handledAt,
                handledBy,
                onTime,
                days,
                escalations,
                transfers,
                repeat,
                notificationFailures,
                historical);
    }

    private static boolean setsDeadline(EventType type) {
        return switch (type) {
            case PETITION_ROUTED,
                    PETITION_ACKNOWLEDGED,
                    PETITION_TRANSFERRED,
                    PETITION_DEADLINE_EXTENDED,
                    PETITION_CLOCK_RESUMED,
                    PETITION_REOPENED,
                    PETITION_ESCALATED -> true;
            default -> false;
        };
    }
}
