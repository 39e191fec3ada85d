package vn.gandan.reporting.resolution.web;

/** The definitions of the figures, for the OpenAPI document (the README says the same). */
final class Definitions {

    static final String ALL = "Figures built only from events, without personal data. Dates and periods are in Viet Nam"
            + " time (Asia/Ho_Chi_Minh). A caller sees its own province only; an admin any or all.";

    static final String RESOLUTION = """
            One row per group and period (rows where received, imported, handled in the period and openAtEnd are all 0 are
            left out).
            Periods: day `2026-11-30`, month `2026-11`, quarter `2026-Q4`, year `2026`: every whole period that contains a
            day of from..to; `range`: exactly from..to, one row per group, period `from..to`.

            - **received** (petitions): received (the submission's `receivedAt`) in the period, imported ones not
              included.
            - **imported** (petitions): petitions imported from a portal's records; their outcome is unknown, so they are in no rate and not open.
              Counted by the period of their receipt (a batch marked `historical`), and in no other figure of the
              row (not received, handled, onTime, days to handle, openAtEnd, escalations, transfers, repeats or
              notificationFailures), nor overdue.
            - **handled** (petitions): of those received in the period, how many are handled now. A petition is
              *handled* when its latest answer is a resolution (`resolved`) or a rejection with a reason code
              (`rejected`), and no `reopened` came after it; a reopened petition is open again until answered again.
            - **handlingRate**: handled / received, 4 decimals, null if received is 0.
            - **onTime** (petitions): of the handled, those handled at or before the `dueAt` (23:59:59 Viet Nam time of
              the due day) of the deadline in force at the handling event (the latest deadline set before it by a
              routed, acknowledged, transferred, deadline-extended, clock-resumed, reopened or escalated event); handled
              with no deadline in force counts as on time.
            - **onTimeRate**: onTime / handled, 4 decimals, null if handled is 0.
            - **medianDaysToHandle**, **p90DaysToHandle** (calendar days): nearest-rank 50th and 90th percentile of the
              days from the date of receipt to the date of handling (same day = 0) of the handled petitions received in
              the period; 366 means more than 365; null if none is handled.
            - **openAtEnd** (petitions): received up to the end of the period minus handled (by the date of handling)
              up to then, for the group, as the events known now tell it.
            - **escalations**, **transfers** (events), **repeats** (petitions whose submission names a related earlier
              petition, imported or not), **notificationFailures** (notifications that could not be delivered): of the
              petitions received in the period.

            Groups are the petition's current values: province and commune of its latest routing (else of its
            submission), the authority it is with now (the one that answered it once handled), `none` when missing.
            Filters: province always (the caller's unless an admin asks otherwise) plus at most one other dimension,
            which is either the one grouped by or any when grouping by province; other combinations are not
            pre-aggregated and answer 400.

            **asOf** (a day before today): every figure as it stood at the end of that day (Viet Nam time), counted
            only from the events that had happened by then (by their `occurredAt`), with the groups the petitions
            had then. An event that arrives late but happened before that day changes the figures as of that day,
            so an as-of answer is reproducible from the events, by a rebuild too; a petition recorded after the day
            (an offline petition entered later with an earlier `receivedAt`) is not in the figures as of that day.
            """;

    static final String OVERDUE = "Cases not handled whose current deadline's due day (Viet Nam time; dueAt is its"
            + " last second) has ended: counts per group (groupBy: authority, the one the case is with now, by default;"
            + " commune, category, kind or channel; with authority= only by authority) and a page (page from 0,"
            + " size up to 500) of the cases, earliest due first; daysOverdue = whole days since dueAt.";

    static final String REPEATS = "Petitions received from..to (Viet Nam time) whose submission names a related"
            + " earlier petition (relatedTo), by commune and by category, with the petitions received in each, and"
            + " by commune and category together (byCommuneAndCategory, most repeats first: the places that keep"
            + " petitioning about the same thing);"
            + " asOf as for the resolution figures.";

    private Definitions() {}
}
