package vn.gandan.intake.open311;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import vn.gandan.intake.submission.Categories;
import vn.gandan.intake.submission.Petition;

/**
 * {@code GET requests}: a portal's province's petitions by id, or by service code, status and the date they were
 * requested, within the spec's 90 days and 1,000 results, newest first.
 */
@Component
class ServiceRequestSearch {

    static final int MAX_RESULTS = 1_000;
    static final Duration WINDOW = Duration.ofDays(90);

    private final MongoTemplate mongo;
    private final Clock clock;

    ServiceRequestSearch(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * @param ids when given, the other arguments are ignored (the spec: "this overrides all other arguments")
     * @param statuses open, closed or both
     * @param from inclusive, or null
     * @param to inclusive, or null
     */
    record Filter(List<String> ids, List<String> serviceCodes, Set<String> statuses, Instant from, Instant to) {}

    /** @throws Open311Exception 400 naming every bad argument */
    Filter parse(MultiValueMap<String, String> params) {
        List<String> errors = new ArrayList<>();
        List<String> ids = list(params, "service_request_id");
        if (ids.size() > MAX_RESULTS) {
            errors.add("service_request_id may list at most " + MAX_RESULTS + " ids");
        }
        List<String> codes = list(params, "service_code");
        codes.stream()
                .filter(code -> Categories.byCode(code).isEmpty())
                .forEach(code -> errors.add("service_code " + code + " was not found"));
        Set<String> statuses = new LinkedHashSet<>(list(params, "status"));
        statuses.stream()
                .filter(status -> !Open311Statuses.OPEN.equals(status) && !Open311Statuses.CLOSED.equals(status))
                .forEach(status -> errors.add("status must be open or closed, not " + status));
        Instant start = date(params, "start_date", errors);
        Instant end = date(params, "end_date", errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add("start_date is after end_date");
            } else if (Duration.between(start, end).compareTo(WINDOW) > 0) {
                errors.add("start_date and end_date may not span more than 90 days");
            }
        }
        if (!errors.isEmpty()) {
            throw Open311Exception.badRequest(errors);
        }
        Instant from = start;
        Instant to = end;
        if (start == null && end == null) {
            from = clock.instant().minus(WINDOW);
        } else if (start == null) {
            from = end.minus(WINDOW);
        } else if (end == null) {
            to = start.plus(WINDOW);
        }
        return new Filter(ids, codes, statuses, from, to);
    }

    List<Petition> find(String provinceCode, Filter filter) {
        Criteria criteria = where("location.provinceCode").is(provinceCode);
        if (!filter.ids().isEmpty()) {
            criteria = criteria.and("id").in(filter.ids());
        } else {
            if (!filter.serviceCodes().isEmpty()) {
                criteria = criteria.and("category").in(filter.serviceCodes());
            }
            if (filter.statuses().size() == 1) {
                criteria = filter.statuses().contains(Open311Statuses.CLOSED)
                        ? criteria.and("status").in(Open311Statuses.CLOSING)
                        : criteria.and("status").nin(Open311Statuses.CLOSING);
            }
            Criteria received = criteria.and("receivedAt");
            if (filter.from() != null) {
                received = received.gte(filter.from());
            }
            if (filter.to() != null) {
                received.lte(filter.to());
            }
        }
        Query query = new Query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(MAX_RESULTS);
        return mongo.find(query, Petition.class);
    }

    /** The spec allows both {@code a,b} and the argument twice. */
    private static List<String> list(MultiValueMap<String, String> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
    }

    /** W3C datetimes ({@code 2010-01-01T00:00:00Z}); a date alone is the start of that day in Vietnam. */
    private static Instant date(MultiValueMap<String, String> params, String name, List<String> errors) {
        String text = ServiceRequestForm.value(params, name);
        if (text == null) {
            return null;
        }
        // An unencoded "+07:00" arrives as " 07:00".
        String value = text.replace(' ', '+');
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(Petition.VIETNAM).toInstant();
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(value).atZone(Petition.VIETNAM).toInstant();
            }
        } catch (DateTimeParseException e) {
            errors.add(name + " must be a w3 datetime such as 2026-01-01T00:00:00Z");
            return null;
        }
    }
}
