package vn.gandan.routing.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one {@code calendar-YYYY.yml} into a {@link CalendarYear}. Strict: an unknown key, a missing field or a
 * malformed date fails the load with the file and field named, because a typo in holiday data silently moves
 * deadlines. SnakeYAML comes with Spring Boot; only its safe constructor is used.
 */
final class CalendarYamlReader {

    private static final Set<String> YEAR_KEYS =
            Set.of("year", "source", "holidays", "compensatory", "swaps", "pending");
    private static final Set<String> HOLIDAY_KEYS = Set.of("date", "name", "basis", "confirmed");
    private static final Set<String> COMPENSATORY_KEYS = Set.of("date", "for", "name", "basis", "confirmed");
    private static final Set<String> SWAP_KEYS = Set.of("dayOff", "workedOn", "name", "basis", "confirmed");
    private static final Set<String> PENDING_KEYS = Set.of("date", "name", "basis", "note");
    private static final Set<String> NAME_KEYS = Set.of("vi", "en");

    private CalendarYamlReader() {}

    /**
     * @param resource a class-path resource name, used in error messages too
     * @return null if there is no such resource
     * @throws IllegalStateException if the resource exists but is not a valid calendar year
     */
    static CalendarYear readResource(String resource) {
        try (InputStream in = CalendarYamlReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static CalendarYear read(InputStream in, String origin) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> year = map(root, "the document", YEAR_KEYS);
            return new CalendarYear(
                    integer(year, "year"),
                    text(year, "source"),
                    list(year, "holidays", CalendarYamlReader::holiday),
                    list(year, "compensatory", CalendarYamlReader::compensatory),
                    list(year, "swaps", CalendarYamlReader::swap),
                    list(year, "pending", CalendarYamlReader::pending));
        } catch (YAMLException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("invalid working calendar " + origin + ": " + e.getMessage(), e);
        }
    }

    private static CalendarYear.NamedDay holiday(Object node) {
        Map<String, Object> entry = map(node, "a holiday", HOLIDAY_KEYS);
        return new CalendarYear.NamedDay(
                date(entry, "date"), name(entry), text(entry, "basis"), bool(entry, "confirmed"));
    }

    private static CalendarYear.CompensatoryDay compensatory(Object node) {
        Map<String, Object> entry = map(node, "a compensatory day", COMPENSATORY_KEYS);
        return new CalendarYear.CompensatoryDay(
                date(entry, "date"), date(entry, "for"), name(entry), text(entry, "basis"), bool(entry, "confirmed"));
    }

    private static CalendarYear.SwappedDay swap(Object node) {
        Map<String, Object> entry = map(node, "a swap", SWAP_KEYS);
        return new CalendarYear.SwappedDay(
                date(entry, "dayOff"),
                date(entry, "workedOn"),
                name(entry),
                text(entry, "basis"),
                bool(entry, "confirmed"));
    }

    private static CalendarYear.PendingDay pending(Object node) {
        Map<String, Object> entry = map(node, "a pending day", PENDING_KEYS);
        Object note = entry.get("note");
        return new CalendarYear.PendingDay(
                date(entry, "date"), name(entry), text(entry, "basis"), note == null ? null : note.toString());
    }

    private static CalendarYear.Name name(Map<String, Object> entry) {
        Map<String, Object> name = map(entry.get("name"), "name", NAME_KEYS);
        return new CalendarYear.Name(text(name, "vi"), text(name, "en"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what, Set<String> allowed) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a mapping, found " + node);
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                // YAML 1.1 reads on, off, yes and no as booleans, and unquoted dates as dates.
                throw new IllegalArgumentException("key '" + key + "' in " + what + " is not text; quote it");
            }
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + what + "; allowed: " + allowed);
            }
        }
        return (Map<String, Object>) map;
    }

    private static <T> List<T> list(Map<String, Object> map, String key, Function<Object, T> entry) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + key + "' must be a list (write [] when empty)");
        }
        return list.stream().map(entry).toList();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value.toString();
    }

    private static int integer(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof Integer value)) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number");
        }
        return value;
    }

    private static boolean bool(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof Boolean value)) {
            throw new IllegalArgumentException("'" + key + "' must be true or false");
        }
        return value;
    }

    private static LocalDate date(Map<String, Object> map, String key) {
        Object value = map.get(key);
        // SnakeYAML turns an unquoted yyyy-mm-dd into a java.util.Date at midnight UTC; a quoted one stays text.
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + key + "' is not a yyyy-mm-dd date: " + text, e);
            }
        }
        throw new IllegalArgumentException("'" + key + "' must be a yyyy-mm-dd date, found " + value);
    }
}
