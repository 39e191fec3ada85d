package vn.gandan.intake.open311;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.intake.submission.Categories;
import vn.gandan.intake.submission.Categories.Category;
import vn.gandan.intake.submission.NewPetition;
import vn.gandan.intake.submission.Petition;

/**
 * Reads the form of {@code POST requests} as the spec sends it and makes it a {@link NewPetition}; every field's
 * problem is reported at once. What only the intake can judge (is the commune official and in the portal's
 * province) is left to it.
 */
@Component
class ServiceRequestForm {

    static final int MAX_DESCRIPTION = 4_000;
    static final int MAX_TITLE = 120;
    static final int MAX_ADDRESS = 500;
    static final int MAX_MEDIA_URL = 2_000;

    /** The intake's field names, as its errors name them, and the form fields a client sent them as. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("category", "service_code"),
            Map.entry("kind", "attribute[kind]"),
            Map.entry("channel", "attribute[channel]"),
            Map.entry("title", "description"),
            Map.entry("description", "description"),
            Map.entry("location.communeCode", "address_id"),
            Map.entry("location.address", "address_string"),
            Map.entry("location.latitude", "lat, long"),
            Map.entry("citizen.name", "first_name, last_name"),
            Map.entry("citizen.phone", "phone"),
            Map.entry("citizen.email", "email"),
            Map.entry("citizen.address", "phone, email"));

    /** The form field a client sent for one of the intake's fields: a category's fact is {@code attribute[code]}. */
    static String formField(String field) {
        if (field.startsWith(DETAILS)) {
            return "attribute[" + field.substring(DETAILS.length()) + "]";
        }
        return FIELDS.getOrDefault(field, field);
    }

    private static final String DETAILS = "details.";

    private final Validator validator;
    private final Clock clock;

    ServiceRequestForm(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** The citizen's contact, held to the intake's limits. */
    record Contact(
            @Size(max = 200) String name,
            @Size(max = 30) String phone,
            @Email @Size(max = 200) String email) {}

    /**
     * @throws Open311Exception 400 naming every bad field, or 404 for a service code not in the catalogue (as the
     *     spec has it)
     */
    NewPetition toPetition(MultiValueMap<String, String> form) {
        String serviceCode = value(form, "service_code");
        if (serviceCode == null) {
            throw Open311Exception.badRequest(List.of("service_code was not provided"));
        }
        Category category = Categories.byCode(serviceCode)
                .orElseThrow(() -> Open311Exception.notFound("service_code " + serviceCode + " was not found"));

        List<String> errors = new ArrayList<>();
        PetitionKind kind = kind(value(form, "attribute[kind]"), errors);
        Channel channel = channel(value(form, "attribute[channel]"), errors);
        Location location = location(form, errors);
        String description = value(form, "description");
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            errors.add("description is longer than 4,000 characters");
        }
        String mediaUrl = mediaUrl(value(form, "media_url"), errors);
        Petition.Citizen citizen = citizen(form, errors);
        Map<String, String> details = details(form);
        if (!errors.isEmpty()) {
            throw Open311Exception.badRequest(errors);
        }
        return new NewPetition(
                kind,
                category.code(),
                title(description, category),
                description,
                location.communeCode(),
                location.address(),
                location.coordinates(),
                channel,
                clock.instant(),
                citizen,
                mediaUrl == null ? List.of() : List.of(new Petition.Attachment(mediaUrl, null, null)),
                details,
                null);
    }

    record Location(String communeCode, String address, Petition.Coordinates coordinates) {}

    /** Every {@code attribute[code]} but the kind and the channel is one of the category's facts. */
    private static Map<String, String> details(MultiValueMap<String, String> form) {
        Map<String, String> details = new TreeMap<>();
        form.keySet().forEach(name -> {
            if (name.startsWith("attribute[") && name.endsWith("]")) {
                String code = name.substring("attribute[".length(), name.length() - 1);
                String value = value(form, name);
                if (!code.equals(Open311Catalogue.KIND) && !code.equals(Open311Catalogue.CHANNEL) && value != null) {
                    details.put(code, value);
                }
            }
        });
        return details;
    }

    /** One of lat and long, address_string or address_id; address_id is our 5-digit commune code. */
    private static Location location(MultiValueMap<String, String> form, List<String> errors) {
        String lat = value(form, "lat");
        String lng = value(form, "long");
        String addressString = value(form, "address_string");
        String addressId = value(form, "address_id");
        Petition.Coordinates coordinates = null;
        if (lat != null || lng != null) {
            if (lat == null || lng == null) {
                errors.add("lat and long must be sent together");
            } else {
                Double latitude = coordinate(lat, 90, "lat", errors);
                Double longitude = coordinate(lng, 180, "long", errors);
                if (latitude != null && longitude != null) {
                    coordinates = new Petition.Coordinates(latitude, longitude);
                }
            }
        }
        if (addressString != null && addressString.length() > MAX_ADDRESS) {
            errors.add("address_string is longer than " + MAX_ADDRESS + " characters");
        }
        if (addressId != null && !addressId.matches("\\d{5}")) {
            errors.add("address_id must be a 5-digit commune code");
        }
        if (lat == null && lng == null && addressString == null && addressId == null) {
            errors.add("A location is required: lat and long, address_string or address_id");
        }
        return new Location(addressId, addressString, coordinates);
    }

    private static Double coordinate(String text, int bound, String field, List<String> errors) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && Math.abs(value) <= bound) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(field + " must be a number from -" + bound + " to " + bound + " (WGS84)");
        return null;
    }

    private static PetitionKind kind(String code, List<String> errors) {
        if (code == null) {
            errors.add("attribute[kind] is required: recommendation, complaint or denunciation");
            return null;
        }
        try {
            return PetitionKind.fromCode(code.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add("attribute[kind] must be recommendation, complaint or denunciation");
            return null;
        }
    }

    private static Channel channel(String code, List<String> errors) {
        if (code == null) {
            return Channel.PORTAL;
        }
        try {
            return Channel.fromCode(code.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add("attribute[channel] must be one of "
                    + String.join(
                            ", ",
                            Open311Catalogue.CHANNELS.stream()
                                    .map(Open311Views.Value::key)
                                    .toList()));
            return null;
        }
    }

    private static String mediaUrl(String url, List<String> errors) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_MEDIA_URL
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException notAUrl) {
            // reported below
        }
        errors.add("media_url must be an http or https URL of at most 2,000 characters");
        return null;
    }

    /** Vietnamese names put the family name first: {@code Nguyễn} (last_name) {@code Văn An} (first_name). */
    private Petition.Citizen citizen(MultiValueMap<String, String> form, List<String> errors) {
        String first = value(form, "first_name");
        String last = value(form, "last_name");
        String name = last == null ? first : first == null ? last : last + " " + first;
        Contact contact = new Contact(name, value(form, "phone"), value(form, "email"));
        validator.validate(contact).forEach(violation -> {
            String field = violation.getPropertyPath().toString();
            errors.add(("name".equals(field) ? "first_name and last_name" : field) + " " + violation.getMessage());
        });
        if (contact.name() == null && contact.phone() == null && contact.email() == null) {
            return null;
        }
        return new Petition.Citizen(contact.name(), contact.phone(), contact.email());
    }

    /** The first 120 characters of the description on one line, or the service's name when there is none. */
    static String title(String description, Category category) {
        if (description == null) {
            return category.nameVi();
        }
        String line = description.replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= MAX_TITLE) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_TITLE)).strip();
    }

    /** The spec treats an empty parameter as one not sent. */
    static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
