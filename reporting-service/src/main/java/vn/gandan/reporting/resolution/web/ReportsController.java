package vn.gandan.reporting.resolution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gandan.events.CategoryCodes;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.reporting.resolution.Dimension;
import vn.gandan.reporting.resolution.OpenCases;
import vn.gandan.reporting.resolution.Periods;
import vn.gandan.reporting.resolution.Periods.Granularity;
import vn.gandan.reporting.resolution.PetitionTimeline;
import vn.gandan.reporting.resolution.ReportGroups;
import vn.gandan.reporting.resolution.ReportingProperties;
import vn.gandan.reporting.resolution.ResolutionReports;
import vn.gandan.reporting.resolution.ResolutionReports.Question;
import vn.gandan.reporting.version.ProjectionVersions;
import vn.gandan.support.security.Caller;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/** The analysts' reports: JSON, or CSV with {@code Accept: text/csv}. */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize("hasAnyRole('ANALYST', 'OPERATOR', 'ADMIN')")
@Tag(name = "Reports", description = Definitions.ALL)
class ReportsController {

    static final String CSV = "text/csv";
    static final String AS_OF = "the figures as they stood at the end of this day (YYYY-MM-DD, Viet Nam time, before"
            + " today): counted only from the events that had happened by then";

    private final ResolutionReports reports;
    private final ReportGroups groups;
    private final OpenCases openCases;
    private final MongoTemplate mongo;
    private final ReportingProperties properties;
    private final ProjectionVersions versions;
    private final Clock clock;

    ReportsController(
            ResolutionReports reports,
            ReportGroups groups,
            OpenCases openCases,
            MongoTemplate mongo,
            ReportingProperties properties,
            ProjectionVersions versions,
            Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.groups = groups;
        this.openCases = openCases;
        this.mongo = mongo;
        this.properties = properties;
        this.versions = versions;
    }

    @GetMapping("/resolution")
    @Operation(summary = "Resolution figures by group and period", description = Definitions.RESOLUTION)
    ResolutionReports.Resolution resolution(
            @Parameter(description = "province, commune, authority, category, kind or channel")
                    @RequestParam(required = false)
                    String groupBy,
            @Parameter(description = "day, month, quarter, year or range") @RequestParam(required = false)
                    String period,
            @Parameter(description = "first day, YYYY-MM-DD (Viet Nam time)") @RequestParam(required = false)
                    String from,
            @Parameter(description = "last day, YYYY-MM-DD, included") @RequestParam(required = false) String to,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String channel,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            Caller caller) {
        return reports.resolution(question(
                groupBy, period, from, to, province, commune, authority, category, kind, channel, asOf, caller));
    }

    @GetMapping(value = "/resolution", produces = CSV)
    ResponseEntity<String> resolutionCsv(
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String asOf,
            Caller caller) {
        var resolution = resolution(
                groupBy, period, from, to, province, commune, authority, category, kind, channel, asOf, caller);
        var csv = new Csv(
                "group",
                "groupName",
                "period",
                "received",
                "imported",
                "handled",
                "handlingRate",
                "onTime",
                "onTimeRate",
                "medianDaysToHandle",
                "p90DaysToHandle",
                "openAtEnd",
                "escalations",
                "transfers",
                "repeats",
                "notificationFailures");
        for (var r : resolution.rows()) {
            csv.row(
                    r.group(),
                    r.groupName(),
                    r.period(),
                    r.received(),
                    r.imported(),
                    r.handled(),
                    r.handlingRate(),
                    r.onTime(),
                    r.onTimeRate(),
                    r.medianDaysToHandle(),
                    r.p90DaysToHandle(),
                    r.openAtEnd(),
                    r.escalations(),
                    r.transfers(),
                    r.repeats(),
                    r.notificationFailures());
        }
        return csv.response();
    }

    record OverdueGroup(String group, String groupName, long overdue) {}

    record OverdueCase(
            String petitionId,
            String authority,
            String authorityName,
            String commune,
            String category,
            String kind,
            Instant receivedAt,
            String state,
            String deadlineStep,
            Instant dueAt,
            long daysOverdue,
            int escalations) {}

    record Overdue(
            String province,
            Instant asOf,
            String groupBy,
            long total,
            List<OverdueGroup> byGroup,
            int page,
            int size,
            List<OverdueCase> cases) {}

    @GetMapping("/overdue")
    @Operation(summary = "Cases past their current deadline, not handled", description = Definitions.OVERDUE)
    Overdue overdue(
            @RequestParam(required = false) String province,
            @Parameter(description = "authority (the default), commune, category, kind or channel")
                    @RequestParam(required = false)
                    String groupBy,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Caller caller) {
        String scope = province(province, caller);
        Dimension dimension = groupBy == null
                ? Dimension.AUTHORITY
                : Dimension.of(groupBy)
                        .filter(OpenCases.GROUPS::contains)
                        .orElseThrow(() ->
                                InvalidRequestException.field("groupBy", "gandan.reporting.overdue.groupBy", groupBy));
        int pageNumber = number("page", page, 0);
        int pageSize = number("size", size, properties.overduePageSize());
        Instant now = clock.instant();
        var version = versions.active();
        if (authority != null && !groups.knowsAuthority(authority, version)) {
            throw InvalidRequestException.field("authority", "gandan.reporting.value.unknown", authority);
        }
        if (authority != null && dimension != Dimension.AUTHORITY) {
            throw InvalidRequestException.field(
                    "authority", "gandan.reporting.combination.unsupported", dimension.code());
        }
        Map<String, Long> counts = openCases.overdueBy(dimension, scope, authority, now, version);
        Map<String, String> names = reports.namesOf(dimension, List.copyOf(counts.keySet()), version);
        List<OverdueGroup> byGroup = counts.entrySet().stream()
                .map(c -> new OverdueGroup(c.getKey(), names.get(c.getKey()), c.getValue()))
                .toList();
        long total = byGroup.stream().mapToLong(OverdueGroup::overdue).sum();
        List<OverdueCase> cases = openCases.overdue(scope, authority, now, pageNumber, pageSize, version).stream()
                .map(c -> new OverdueCase(
                        c.petitionId(),
                        c.authorityId(),
                        c.authorityName(),
                        c.communeCode(),
                        c.category(),
                        c.kind(),
                        c.receivedAt(),
                        c.state(),
                        c.deadlineStep(),
                        c.dueAt(),
                        Duration.between(c.dueAt(), now).toDays(),
                        c.escalations()))
                .toList();
        return new Overdue(scope, now, dimension.code(), total, byGroup, pageNumber, pageSize, cases);
    }

    @GetMapping(value = "/overdue", produces = CSV)
    ResponseEntity<String> overdueCsv(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Caller caller) {
        var overdue = overdue(province, groupBy, authority, page, size, caller);
        var csv = new Csv(
                "petitionId",
                "authority",
                "authorityName",
                "commune",
                "category",
                "kind",
                "receivedAt",
                "state",
                "deadlineStep",
                "dueAt",
                "daysOverdue",
                "escalations");
        for (var c : overdue.cases()) {
            csv.row(
                    c.petitionId(),
                    c.authority(),
                    c.authorityName(),
                    c.commune(),
                    c.category(),
                    c.kind(),
                    c.receivedAt(),
                    c.state(),
                    c.deadlineStep(),
                    c.dueAt(),
                    c.daysOverdue(),
                    c.escalations());
        }
        return csv.response();
    }

    @GetMapping("/repeats")
    @Operation(summary = "Repeat petitions by commune and by category", description = Definitions.REPEATS)
    ResolutionReports.Repeats repeats(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            Caller caller) {
        String scope = province(province, caller);
        if (scope == null) {
            throw InvalidRequestException.field("province", "gandan.reporting.province.required");
        }
        LocalDate[] range = range(from, to);
        return reports.repeats(scope, range[0], range[1], asOf(asOf));
    }

    @GetMapping(value = "/repeats", produces = CSV)
    ResponseEntity<String> repeatsCsv(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            Caller caller) {
        var repeats = repeats(province, from, to, asOf, caller);
        var csv = new Csv("dimension", "group", "groupName", "received", "repeats");
        repeats.byCommune().forEach(r -> csv.row("commune", r.group(), r.groupName(), r.received(), r.repeats()));
        repeats.byCategory().forEach(r -> csv.row("category", r.group(), r.groupName(), r.received(), r.repeats()));
        repeats.byCommuneAndCategory()
                .forEach(r -> csv.row(
                        "commune,category", r.commune() + "|" + r.category(), r.communeName(), null, r.repeats()));
        return csv.response();
    }

    record TimelineEvent(
            String type,
            Instant occurredAt,
            String authority,
            String authorityName,
            String deadlineStep,
            Instant dueAt,
            String policyId) {}

    record Timeline(
            String petitionId,
            String province,
            String state,
            Instant handledAt,
            Boolean onTime,
            Integer daysToHandle,
            List<TimelineEvent> events) {}

    @GetMapping("/petitions/{id}/timeline")
    @Operation(summary = "A petition's events in order, without personal data")
    Timeline timeline(@PathVariable String id, Caller caller) {
        PetitionTimeline timeline =
                mongo.findById(id, PetitionTimeline.class, versions.active().collection(PetitionTimeline.COLLECTION));
        if (timeline == null
                || timeline.getState() == null
                || timeline.getState().provinceCode() == null
                || !caller.mayAccessProvince(timeline.getState().provinceCode())) {
            throw InvalidRequestException.of(
                    HttpStatus.NOT_FOUND, Reason.of("gandan.reporting.petition.not-found", id));
        }
        var state = timeline.getState();
        return new Timeline(
                id,
                state.provinceCode(),
                state.state(),
                state.handledAt(),
                state.onTime(),
                state.daysToHandle(),
                timeline.getEvents().stream()
                        .map(e -> new TimelineEvent(
                                e.type(),
                                e.occurredAt(),
                                e.authorityId(),
                                e.authorityName(),
                                e.deadline() == null ? null : e.deadline().step(),
                                e.deadline() == null ? null : e.deadline().dueAt(),
                                e.deadline() == null ? null : e.deadline().policyId()))
                        .toList());
    }

    // --- validation

    private Question question(
            String groupBy,
            String period,
            String from,
            String to,
            String province,
            String commune,
            String authority,
            String category,
            String kind,
            String channel,
            String asOf,
            Caller caller) {
        if (groupBy == null) {
            throw InvalidRequestException.field("groupBy", "gandan.reporting.required");
        }
        Dimension dimension = Dimension.of(groupBy)
                .orElseThrow(
                        () -> InvalidRequestException.field("groupBy", "gandan.reporting.groupBy.unknown", groupBy));
        if (period == null) {
            throw InvalidRequestException.field("period", "gandan.reporting.required");
        }
        Granularity granularity = null;
        if (!period.equals("range")) {
            granularity = java.util.Arrays.stream(Granularity.values())
                    .filter(g -> g.code().equals(period))
                    .findFirst()
                    .orElseThrow(
                            () -> InvalidRequestException.field("period", "gandan.reporting.period.unknown", period));
        }
        LocalDate[] range = range(from, to);
        String scope = province(province, caller);
        Map<Dimension, String> filters = new java.util.LinkedHashMap<>();
        if (commune != null) {
            if (reports.adminUnits()
                    .commune(commune)
                    .filter(c -> scope == null || c.provinceCode().equals(scope))
                    .isEmpty()) {
                throw InvalidRequestException.field("commune", "gandan.reporting.value.unknown", commune);
            }
            filters.put(Dimension.COMMUNE, commune);
        }
        if (authority != null) {
            if (!groups.knowsAuthority(authority, versions.active())) {
                throw InvalidRequestException.field("authority", "gandan.reporting.value.unknown", authority);
            }
            filters.put(Dimension.AUTHORITY, authority);
        }
        if (category != null) {
            if (!CategoryCodes.isKnown(category)) {
                throw InvalidRequestException.field("category", "gandan.reporting.value.unknown", category);
            }
            filters.put(Dimension.CATEGORY, category);
        }
        if (kind != null) {
            if (java.util.Arrays.stream(PetitionKind.values())
                    .noneMatch(k -> k.code().equals(kind))) {
                throw InvalidRequestException.field("kind", "gandan.reporting.value.unknown", kind);
            }
            filters.put(Dimension.KIND, kind);
        }
        if (channel != null) {
            if (java.util.Arrays.stream(Channel.values())
                    .noneMatch(c -> c.code().equals(channel))) {
                throw InvalidRequestException.field("channel", "gandan.reporting.value.unknown", channel);
            }
            filters.put(Dimension.CHANNEL, channel);
        }
        var others = new java.util.LinkedHashSet<Dimension>(filters.keySet());
        if (dimension != Dimension.PROVINCE) {
            others.add(dimension);
        }
        if (others.size() > 1) {
            Dimension extra = filters.keySet().stream()
                    .filter(d -> d != dimension)
                    .findFirst()
                    .orElse(dimension);
            throw InvalidRequestException.field(
                    extra.code(), "gandan.reporting.combination.unsupported", dimension.code());
        }
        Dimension filter =
                filters.isEmpty() ? null : filters.keySet().iterator().next();
        return new Question(
                dimension,
                granularity,
                range[0],
                range[1],
                scope,
                filter,
                filter == null ? null : filters.get(filter),
                asOf(asOf));
    }

    private LocalDate[] range(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw InvalidRequestException.field("from", "gandan.reporting.range.reversed", from, to);
        }
        if (first.plus(properties.maxRange()).isBefore(last)) {
            throw InvalidRequestException.field(
                    "to",
                    "gandan.reporting.range.too-long",
                    properties.maxRange().toString());
        }
        return new LocalDate[] {first, last};
    }

    /** The as-of day, or null for now (also when it is today: the day is not over). */
    private LocalDate asOf(String value) {
        if (value == null) {
            return null;
        }
        LocalDate day = date("asOf", value);
        LocalDate today = LocalDate.now(clock.withZone(Periods.VIET_NAM));
        if (day.isAfter(today)) {
            throw InvalidRequestException.field("asOf", "gandan.reporting.asOf.future", value);
        }
        return day.isBefore(today) ? day : null;
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw InvalidRequestException.field(name, "gandan.reporting.required");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field(name, "gandan.reporting.date.invalid", value);
        }
    }

    private static int number(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || (name.equals("size") && (n == 0 || n > 500))) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field(name, "gandan.reporting.number.invalid", value);
        }
    }

    /** The caller's province, or the one asked for if the caller may see it; null = national (admin only). */
    private String province(String asked, Caller caller) {
        if (asked == null) {
            return caller.provinceCode();
        }
        if (reports.adminUnits().province(asked).isEmpty()) {
            throw InvalidRequestException.field("province", "gandan.reporting.value.unknown", asked);
        }
        if (!caller.mayAccessProvince(asked)) {
            throw InvalidRequestException.of(
                    HttpStatus.FORBIDDEN,
                    Reason.of("gandan.reporting.province.forbidden", asked),
                    FieldReason.of("province", "gandan.reporting.province.forbidden", asked));
        }
        return asked;
    }
}
