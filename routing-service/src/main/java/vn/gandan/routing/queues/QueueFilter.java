package vn.gandan.routing.queues;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import vn.gandan.events.PetitionKind;
import vn.gandan.routing.cases.CaseState;
import vn.gandan.support.web.FieldReason;
import vn.gandan.support.web.InvalidRequestException;
import vn.gandan.support.web.Reason;

/**
 * What a queue listing asks for, checked: the parameters arrive as text so that each bad one is named in the
 * problem, all of them at once.
 *
 * @param states never empty: the queue's states unless fewer were asked for
 * @param overdue null for either
 * @param dueBefore only cases whose due day is before this day (Viet Nam time), or null
 * @param kind null for any
 * @param category null for any
 * @param communeCode null for any
 */
public record QueueFilter(
        Set<CaseState> states,
        Boolean overdue,
        LocalDate dueBefore,
        PetitionKind kind,
        String category,
        String communeCode,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    private static final String CODE = QueueAccess.CODE;
    private static final String KINDS =
            Arrays.stream(PetitionKind.values()).map(PetitionKind::code).collect(Collectors.joining(", "));

    public QueueFilter {
        states = Set.copyOf(states);
    }

    /**
     * @param state codes such as {@code routed}, {@code in_progress}; each may also be a comma-separated list
     * @throws InvalidRequestException 400 naming every parameter at fault
     */
    public static QueueFilter parse(
            Queue queue,
            List<String> state,
            String overdue,
            String dueBefore,
            String kind,
            String category,
            String commune,
            String page,
            String size) {
        List<FieldReason> wrong = new ArrayList<>();
        Set<CaseState> states = states(queue.states(), state, wrong);
        Boolean late = null;
        if (present(overdue)) {
            switch (overdue.trim()) {
                case "true" -> late = Boolean.TRUE;
                case "false" -> late = Boolean.FALSE;
                default -> wrong.add(FieldReason.of("overdue", CODE + "overdue.invalid"));
            }
        }
        LocalDate before = null;
        if (present(dueBefore)) {
            try {
                before = LocalDate.parse(dueBefore.trim());
            } catch (DateTimeParseException e) {
                wrong.add(FieldReason.of("dueBefore", CODE + "due-before.invalid"));
            }
        }
        PetitionKind petitionKind = null;
        if (present(kind)) {
            try {
                petitionKind = PetitionKind.fromCode(kind.trim());
            } catch (IllegalArgumentException e) {
                wrong.add(FieldReason.of("kind", CODE + "kind.unknown", kind, KINDS));
            }
        }
        int pageNumber = number(page, 0, 0, Integer.MAX_VALUE, "page", CODE + "page.invalid", wrong);
        int pageSize = number(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", CODE + "size.invalid", wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidRequestException(
                    HttpStatus.BAD_REQUEST, Reason.of(InvalidRequestException.INVALID_FIELDS), wrong);
        }
        return new QueueFilter(
                states,
                late,
                before,
                petitionKind,
                present(category) ? category.trim() : null,
                present(commune) ? commune.trim() : null,
                pageNumber,
                pageSize);
    }

    private static Set<CaseState> states(Set<CaseState> allowed, List<String> asked, List<FieldReason> wrong) {
        List<String> codes = asked == null
                ? List.of()
                : asked.stream()
                        .flatMap(s -> Arrays.stream(s.split(",")))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (codes.isEmpty()) {
            return allowed;
        }
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        for (String code : codes) {
            CaseState found = CaseState.fromCode(code).filter(allowed::contains).orElse(null);
            if (found == null) {
                wrong.add(FieldReason.of("state", CODE + "state.unknown", code, codes(allowed)));
            } else {
                states.add(found);
            }
        }
        return states.isEmpty() ? allowed : states;
    }

    private static int number(
            String text, int fallback, int min, int max, String field, String code, List<FieldReason> wrong) {
        if (!present(text)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, as a number out of range is.
        }
        wrong.add(FieldReason.of(field, code, String.valueOf(max)));
        return fallback;
    }

    private static String codes(Set<CaseState> states) {
        return states.stream().sorted().map(CaseState::code).collect(Collectors.joining(", "));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
