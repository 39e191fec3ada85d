package vn.gandan.reporting.resolution;

import java.time.Instant;
import java.util.Comparator;
import vn.gandan.events.AuthorityRef;
import vn.gandan.events.Deadline;
import vn.gandan.events.PetitionAcknowledged;
import vn.gandan.events.PetitionClockPaused;
import vn.gandan.events.PetitionClockResumed;
import vn.gandan.events.PetitionClosed;
import vn.gandan.events.PetitionDeadlineApproaching;
import vn.gandan.events.PetitionDeadlineExtended;
import vn.gandan.events.PetitionEscalated;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionOverdue;
import vn.gandan.events.PetitionRejected;
import vn.gandan.events.PetitionReopened;
import vn.gandan.events.PetitionResolved;
import vn.gandan.events.PetitionRouted;
import vn.gandan.events.PetitionRoutingFailed;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.PetitionTransferred;
import vn.gandan.events.Place;

/**
 * One event of a petition as the timeline keeps it: only what the figures need, never personal data (no title,
 * description, tracking code, citizen reference, response, explanation or recipient).
 *
 * @param type the CloudEvents type name, e.g. {@code vn.gandan.petition.resolved.v1}
 * @param authorityId the authority acting (for a transfer or escalation: the one receiving the case), or null
 * @param deadline the deadline the event sets or reports, or null
 * @param reason the reason code of a rejection, or null
 * @param historical {@code true} on a submission, routing or routing failure of a petition imported from a portal's
 *     records (ADR 0017); null otherwise, so nothing more is stored for a live petition
 */
public record TimelineEntry(
        String eventId,
        String type,
        Instant occurredAt,
        String authorityId,
        String authorityName,
        Deadline deadline,
        String provinceCode,
        String communeCode,
        String kind,
        String category,
        String channel,
        Instant receivedAt,
        boolean repeat,
        String reason,
        Boolean historical) {

    /** By time, then by event id: the same order whatever order the events arrived in. */
    public static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::occurredAt).thenComparing(TimelineEntry::eventId);

    public TimelineEntry {
        historical = Boolean.TRUE.equals(historical) ? Boolean.TRUE : null;
    }

    /** Part of a petition imported from a portal's records, not raised live (ADR 0017). */
    public boolean fromHistory() {
        return historical != null;
    }

    public static TimelineEntry of(PetitionEvent event) {
        var b = new Builder(event);
        if (event instanceof PetitionSubmitted s) {
            b.place(s.place());
            b.kind = s.kind().code();
            b.category = s.category();
            b.channel = s.channel().code();
            b.receivedAt = s.receivedAt();
            b.repeat = s.relatedTo() != null;
        } else if (event instanceof PetitionRouted r) {
            b.authority(r.authority());
            b.place(r.place());
            b.deadline = r.deadline();
        } else if (event instanceof PetitionRoutingFailed f) {
            b.place(f.place());
        } else if (event instanceof PetitionAcknowledged a) {
            b.authority(a.authority()).deadline = a.deadline();
        } else if (event instanceof PetitionTransferred t) {
            b.authority(t.to()).deadline = t.deadline();
        } else if (event instanceof PetitionDeadlineExtended x) {
            b.authority(x.authority()).deadline = x.deadline();
        } else if (event instanceof PetitionClockPaused p) {
            b.authority(p.authority());
        } else if (event instanceof PetitionClockResumed r) {
            b.authority(r.authority()).deadline = r.deadline();
        } else if (event instanceof PetitionResolved r) {
            b.authority(r.authority());
        } else if (event instanceof PetitionRejected r) {
            b.authority(r.authority()).reason = r.reason();
        } else if (event instanceof PetitionClosed c) {
            b.authority(c.authority());
        } else if (event instanceof PetitionReopened r) {
            b.authority(r.authority()).deadline = r.deadline();
        } else if (event instanceof PetitionDeadlineApproaching a) {
            b.authority(a.authority()).deadline = a.deadline();
        } else if (event instanceof PetitionOverdue o) {
            b.authority(o.authority()).deadline = o.deadline();
        } else if (event instanceof PetitionEscalated e) {
            b.authority(e.to()).deadline = e.deadline();
        }
        // notifications carry nothing more than their type; intake's contact events are never read here
        return b.build();
    }

    private static final class Builder {
        final PetitionEvent event;
        String authorityId;
        String authorityName;
        Deadline deadline;
        String provinceCode;
        String communeCode;
        String kind;
        String category;
        String channel;
        Instant receivedAt;
        boolean repeat;
        String reason;
        boolean historical;

        Builder(PetitionEvent event) {
            this.event = event;
            this.historical = event.fromHistory();
        }

        Builder authority(AuthorityRef authority) {
            authorityId = authority.id();
            authorityName = authority.name();
            return this;
        }

        void place(Place place) {
            provinceCode = place.provinceCode();
            communeCode = place.communeCode();
        }

        TimelineEntry build() {
            return new TimelineEntry(
                    event.eventId().toString(),
                    event.type().typeName(),
                    event.occurredAt(),
                    authorityId,
                    authorityName,
                    deadline,
                    provinceCode,
                    communeCode,
                    kind,
                    category,
                    channel,
                    receivedAt,
                    repeat,
                    reason,
                    historical);
        }
    }
}
