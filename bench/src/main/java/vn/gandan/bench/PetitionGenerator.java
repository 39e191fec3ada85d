package vn.gandan.bench;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.gandan.adminunits.Commune;
import vn.gandan.adminunits.LegacyCommune;

/**
 * Realistic bodies for {@code POST /api/v1/petitions}: Vietnamese text with diacritics; a mix of kinds,
 * categories (with the extra facts each asks for) and channels; locations given as a current commune code, a
 * current address, an address from before the 2025 reform, only vaguely or only as a point; citizens named or
 * not, with a phone, e-mail, home address or identity number, and always what the law requires of the kind;
 * some links to attachments; receipt in the last three days; a {@code portalReference} never used before.
 *
 * <p>Thread-safe: each caller passes its own random generator; only the reference counter is shared.
 */
public final class PetitionGenerator {

    /** How a generated petition gives its location. */
    public enum LocationForm {
        /** {@code location.communeCode}: a current five-digit code of the portal's province (some with a point). */
        COMMUNE_CODE,
        /** {@code location.address}: hamlet, current commune and province, sometimes without diacritics. */
        NEW_ADDRESS,
        /** {@code location.address}: a commune (and district) from before July 2025. */
        OLD_ADDRESS,
        /** {@code location.address}: no commune at all (intake keeps it for triage). */
        VAGUE_ADDRESS,
        /** {@code location.latitude/longitude} only (intake keeps it for triage). */
        POINT_ONLY
    }

    /** One generated petition: what was chosen, and the JSON body. */
    public record Petition(
            String portalReference,
            String kind,
            String category,
            String channel,
            LocationForm locationForm,
            boolean withPhone,
            String json) {}

    // Weights, in per mille; the generated mix follows them (PetitionGeneratorUnitTests checks it).
    private static final Map<String, Integer> KIND_WEIGHTS =
            Map.of("recommendation", 700, "complaint", 200, "denunciation", 100);
    private static final Map<String, Integer> CHANNEL_WEIGHTS =
            Map.of("portal", 500, "hotline", 200, "email", 100, "meeting", 80, "household_visit", 70, "dialogue", 50);
    private static final int UNLISTED_WEIGHT = 50;
    private static final int[] LOCATION_WEIGHTS = {450, 250, 220, 50, 30}; // in LocationForm order
    private static final int WITH_PHONE = 550;
    private static final int WITH_EMAIL_ONLY = 150;
    private static final int NAME_ONLY = 100; // the rest: anonymous, unless the law requires a name

    /** Mix in words, for the report. */
    public static final String MIX = "kinds 70% recommendation, 20% complaint, 10% denunciation; categories uniform"
            + " over the catalogue, required extra facts always and optional ones half the time; channels 50%"
            + " portal, 20% hotline, 10% email, 8% meeting, 7% household visit, 5% dialogue; location 45% commune"
            + " code (a tenth with a point), 25% current address (a tenth without diacritics), 22% pre-2025"
            + " address, 5% vague address, 3% a point only; citizen 55% name and phone, 15% name and e-mail, 10%"
            + " name only, 20% anonymous, plus what the law requires of complaints and denunciations (a name and"
            + " a way to answer); a fifth of named citizens with a home address, a tenth with an identity number;"
            + " a tenth with links to photos; received in the last 72 hours; a new portalReference each";

    private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final Duration RECEIVED_WITHIN = Duration.ofHours(72);

    private final Catalogue catalogue;
    private final Places places;
    private final String referencePrefix;
    private final Clock clock;
    private final Duration receivedWithin;
    private final JsonMapper json;
    private final AtomicLong sequence = new AtomicLong();
    private final int[] kindWeights;
    private final int[] channelWeights;

    /**
     * @param catalogue the codes to choose from
     * @param places the portal's province
     * @param runId makes the portal references of this run unique, such as {@code "m3x9k2"}
     * @param clock for {@code receivedAt}
     */
    public PetitionGenerator(Catalogue catalogue, Places places, String runId, Clock clock) {
        this(catalogue, places, runId, clock, RECEIVED_WITHIN);
    }

    /**
     * @param receivedWithin {@code receivedAt} falls in this span before now: 72 hours for fresh petitions, a
     *     year or more for a back-fill of historical ones
     */
    public PetitionGenerator(Catalogue catalogue, Places places, String runId, Clock clock, Duration receivedWithin) {
        this.receivedWithin = Objects.requireNonNull(receivedWithin, "receivedWithin");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.places = Objects.requireNonNull(places, "places");
        this.referencePrefix = "BENCH-" + Objects.requireNonNull(runId, "runId") + "-";
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = JsonMapper.builder().build();
        this.kindWeights = weights(catalogue.kinds(), KIND_WEIGHTS);
        this.channelWeights = weights(catalogue.channels(), CHANNEL_WEIGHTS);
    }

    private static int[] weights(List<String> codes, Map<String, Integer> known) {
        return codes.stream()
                .mapToInt(code -> known.getOrDefault(code, UNLISTED_WEIGHT))
                .toArray();
    }

    /** @return how many petitions were generated so far */
    public long generated() {
        return sequence.get();
    }

    /**
     * @param random the caller's own generator (not shared between threads)
     * @return a new petition with a portal reference not used before
     */
    public Petition next(RandomGenerator random) {
        String reference = referencePrefix + String.format(Locale.ROOT, "%07d", sequence.incrementAndGet());
        String kind = catalogue.kinds().get(weighted(random, kindWeights));
        Catalogue.Category category = pick(random, catalogue.categories());
        String channel = catalogue.channels().get(weighted(random, channelWeights));
        Commune commune = pick(random, places.communes());
        LocationForm form = LocationForm.values()[weighted(random, LOCATION_WEIGHTS)];
        if (form == LocationForm.OLD_ADDRESS
                && places.oldCommunes().isEmpty()
                && places.oldAddresses().isEmpty()) {
            form = LocationForm.NEW_ADDRESS;
        } else if (form == LocationForm.POINT_ONLY && places.box() == null) {
            form = LocationForm.COMMUNE_CODE;
        }
        Fill fill = new Fill(
                random,
                1 + random.nextInt(15),
                form == LocationForm.COMMUNE_CODE || form == LocationForm.NEW_ADDRESS ? commune.name() : "địa phương",
                places.provinceName());
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);

        ObjectNode body = json.createObjectNode();
        body.put("kind", kind);
        body.put("category", category.code());
        Texts.Template text = Texts.forCategory(category.code(), random);
        body.put("title", fill.apply(text.title()));
        body.put("description", fill.apply(text.description()) + " " + pick(random, Texts.closings(kind)));
        ObjectNode location = body.putObject("location");
        switch (form) {
            case COMMUNE_CODE -> {
                location.put("communeCode", commune.code());
                if (places.box() != null && random.nextInt(10) == 0) {
                    point(location, random);
                }
            }
            case NEW_ADDRESS -> location.put("address", newAddress(random, commune, fill.hamlet()));
            case OLD_ADDRESS -> location.put("address", oldAddress(random, fill.hamlet()));
            case VAGUE_ADDRESS -> location.put("address", fill.apply(pick(random, Texts.VAGUE_PLACES)));
            case POINT_ONLY -> point(location, random);
        }
        body.put("channel", channel);
        Instant received = clock.instant()
                .minusSeconds(60 + random.nextLong(receivedWithin.toSeconds()))
                .truncatedTo(ChronoUnit.SECONDS);
        body.put("receivedAt", RECEIVED_AT.format(received.atOffset(VIETNAM)));
        ObjectNode citizen = citizen(body, kind, fill, random);
        details(body, category, fill, today, random);
        if (random.nextInt(10) == 0) {
            ArrayNode attachments = body.putArray("attachments");
            for (int i = 1, n = 1 + random.nextInt(2); i <= n; i++) {
                ObjectNode attachment = attachments.addObject();
                attachment.put("url", "https://dichvucong.example.vn/tep-dinh-kem/" + reference + "-" + i + ".jpg");
                attachment.put("name", "Ảnh hiện trường " + i + ".jpg");
                attachment.put("mediaType", "image/jpeg");
            }
        }
        body.put("portalReference", reference);
        boolean withPhone = citizen != null && citizen.has("phone");
        return new Petition(reference, kind, category.code(), channel, form, withPhone, json.writeValueAsString(body));
    }

    /** Placeholders of a template, for one petition. */
    private record Fill(RandomGenerator random, int hamlet, String place, String province) {

        String apply(String template) {
            return template.replace("{xom}", Integer.toString(hamlet))
                    .replace("{place}", place)
                    .replace("{province}", province)
                    .replace("{days}", Integer.toString(3 + random.nextInt(60)))
                    .replace("{area}", Integer.toString(50 + random.nextInt(450)))
                    .replace("{width}", String.format(Locale.ROOT, "%.1f", 0.3 + random.nextInt(20) / 10.0))
                    .replace("{year}", Integer.toString(2019 + random.nextInt(6)))
                    .replace("{n}", Integer.toString(1 + random.nextInt(500)))
                    .replace("{m}", Integer.toString(1 + random.nextInt(60)))
                    .replace(
                            "{date}", SHORT_DATE.format(LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2000))));
        }
    }

    private void point(ObjectNode location, RandomGenerator random) {
        double[] box = places.box(); // south, west, north, east
        location.put("latitude", round(box[0] + random.nextDouble() * (box[2] - box[0])));
        location.put("longitude", round(box[1] + random.nextDouble() * (box[3] - box[1])));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** The category's required facts, and each optional one half the time. */
    private static void details(
            ObjectNode body, Catalogue.Category category, Fill fill, LocalDate today, RandomGenerator random) {
        ObjectNode details = null;
        for (Catalogue.Field field : category.fields()) {
            if (!field.required() && random.nextBoolean()) {
                continue;
            }
            String value =
                    switch (field.type()) {
                        case "date" -> today.minusDays(30 + random.nextInt(900)).toString();
                        case "choice" -> pick(random, field.choices());
                        default -> fill.apply(Texts.detail(field.code(), random));
                    };
            if (details == null) {
                details = body.putObject("details");
            }
            details.put(field.code(), value);
        }
    }

    /**
     * Adds a citizen (or none), then whatever the law requires of the kind that is still missing.
     *
     * @return the citizen, or null if anonymous
     */
    private ObjectNode citizen(ObjectNode body, String kind, Fill fill, RandomGenerator random) {
        int roll = random.nextInt(1000);
        ObjectNode citizen = null;
        if (roll < WITH_PHONE + WITH_EMAIL_ONLY + NAME_ONLY) {
            citizen = body.putObject("citizen");
            citizen.put("name", name(random));
            if (roll < WITH_PHONE) {
                citizen.put("phone", phone(random));
            } else if (roll < WITH_PHONE + WITH_EMAIL_ONLY) {
                citizen.put("email", email(citizen.path("name").asString(), random));
            }
            if (random.nextInt(5) == 0) {
                citizen.put("address", homeAddress(fill, random));
            }
            if (random.nextInt(10) == 0) {
                citizen.put("nationalId", nationalId(random));
            }
        }
        for (List<String> alternatives : catalogue.lawRequires(kind)) {
            if (hasAny(citizen, alternatives)) {
                continue;
            }
            if (citizen == null) {
                citizen = body.putObject("citizen");
            }
            List<String> fillable = alternatives.stream()
                    .filter(Catalogue.CITIZEN_FIELDS::contains)
                    .map(path -> path.substring("citizen.".length()))
                    .toList();
            String field = pick(random, fillable);
            String value =
                    switch (field) {
                        case "name" -> name(random);
                        case "phone" -> phone(random);
                        case "email" -> email(citizen.path("name").asString(name(random)), random);
                        default -> homeAddress(fill, random);
                    };
            citizen.put(field, value);
        }
        return citizen;
    }

    /** Whether the citizen has one of these fields ({@code citizen.phone}, ...); false for none. */
    private static boolean hasAny(ObjectNode citizen, List<String> paths) {
        if (citizen == null) {
            return false;
        }
        for (String path : paths) {
            if (path.startsWith("citizen.") && citizen.has(path.substring("citizen.".length()))) {
                return true;
            }
        }
        return false;
    }

    private static String name(RandomGenerator random) {
        return pick(random, Texts.FAMILY_NAMES) + " " + pick(random, Texts.MIDDLE_NAMES) + " "
                + pick(random, Texts.GIVEN_NAMES);
    }

    private static String email(String name, RandomGenerator random) {
        String local = ascii(name).toLowerCase(Locale.ROOT).replace(" ", "");
        return local + (1950 + random.nextInt(56)) + "@gmail.com";
    }

    private String homeAddress(Fill fill, RandomGenerator random) {
        Commune home = pick(random, places.communes());
        return "Xóm " + (1 + random.nextInt(15)) + ", " + lowerKind(home.name()) + ", tỉnh " + fill.province();
    }

    /**
     * A 12-digit citizen identity number: birth-registration province (here Nghệ An's 040 or a neighbour's),
     * century and sex, year of birth, six digits; sometimes written in groups.
     */
    static String nationalId(RandomGenerator random) {
        String province = pick(random, List.of("040", "040", "040", "038", "042"));
        int year = 1945 + random.nextInt(62);
        int centurySex = (year >= 2000 ? 2 : 0) + random.nextInt(2);
        String digits =
                province + centurySex + String.format(Locale.ROOT, "%02d%06d", year % 100, random.nextInt(1_000_000));
        return random.nextBoolean()
                ? digits
                : digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /** A Vietnamese mobile number in one of the ways people write it. */
    static String phone(RandomGenerator random) {
        String prefix = pick(random, Texts.MOBILE_PREFIXES); // such as "091"
        String rest = String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
        String national = prefix + rest; // 0912345678
        return switch (random.nextInt(4)) {
            case 0 -> national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
            case 1 -> national;
            case 2 -> "+84 " + national.substring(1, 4) + " " + national.substring(4, 7) + " " + national.substring(7);
            default -> national.substring(0, 4) + "." + national.substring(4, 7) + "." + national.substring(7);
        };
    }

    private String newAddress(RandomGenerator random, Commune commune, int hamlet) {
        String name = commune.name(); // "Xã Hợp Minh"
        String unit =
                switch (random.nextInt(3)) {
                    case 0 -> name;
                    case 1 -> lowerKind(name);
                    default -> name.startsWith("Phường ") ? "P. " + name.substring(7) : lowerKind(name);
                };
        String province = random.nextBoolean() ? places.provinceName() : "tỉnh " + places.provinceName();
        String street =
                switch (random.nextInt(3)) {
                    case 0 -> "Số " + (1 + random.nextInt(200)) + ", xóm " + hamlet;
                    case 1 -> "Xóm " + hamlet;
                    default -> "Thôn " + pick(random, Texts.HAMLET_NAMES);
                };
        String address = street + ", " + unit + ", " + province;
        // People often type without diacritics.
        return random.nextInt(10) == 0 ? ascii(address) : address;
    }

    private String oldAddress(RandomGenerator random, int hamlet) {
        if (places.oldCommunes().isEmpty() || (!places.oldAddresses().isEmpty() && random.nextInt(5) == 0)) {
            return pick(random, places.oldAddresses());
        }
        LegacyCommune old = pick(random, places.oldCommunes());
        String prefix = random.nextBoolean() ? "Xóm " + hamlet + ", " : "";
        String province = random.nextBoolean() ? places.provinceName() : "tỉnh " + places.provinceName();
        return prefix + lowerKind(old.oldName()) + ", " + province;
    }

    /** {@code "Xã Hợp Minh"} → {@code "xã Hợp Minh"}; also for "Phường", "Thị trấn", "Đặc khu". */
    static String lowerKind(String name) {
        for (String kind : List.of("Xã ", "Phường ", "Thị trấn ", "Đặc khu ")) {
            if (name.startsWith(kind)) {
                return kind.toLowerCase(Locale.ROOT) + name.substring(kind.length());
            }
        }
        return name;
    }

    /** Without diacritics, as typed on a keyboard without Vietnamese input: "Nghệ An" → "Nghe An". */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "");
    }

    private static <T> T pick(RandomGenerator random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static int weighted(RandomGenerator random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
