package vn.gandan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gandan.adminunits.AdminUnits;
import vn.gandan.adminunits.Commune;

class PetitionGeneratorUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final int COUNT = 5_000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Places places = Places.of("40");
    private final PetitionGenerator generator =
            new PetitionGenerator(Catalogue.builtIn(), places, "t1", Clock.fixed(NOW, ZoneOffset.UTC));

    private List<PetitionGenerator.Petition> generate() {
        SplittableRandom random = new SplittableRandom(42);
        List<PetitionGenerator.Petition> petitions = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            petitions.add(generator.next(random));
        }
        return petitions;
    }

    @Test
    void nghe_an_has_its_communes_and_its_communes_before_the_reform() {
        assertThat(places.provinceName()).isEqualTo("Nghệ An");
        assertThat(places.communes())
                .hasSize(AdminUnits.official().communesOf("40").size());
        assertThat(places.communes()).extracting(Commune::code).contains("17605");
        assertThat(places.oldCommunes()).isNotEmpty();
        assertThat(places.oldAddresses()).contains("xã Long Thành, huyện Yên Thành, Nghệ An");
    }

    @Test
    void every_body_is_a_valid_submission_of_the_portals_province() {
        Catalogue catalogue = Catalogue.builtIn();
        Set<String> communeCodes = new HashSet<>();
        places.communes().forEach(c -> communeCodes.add(c.code()));
        for (PetitionGenerator.Petition petition : generate()) {
            JsonNode body = json.readTree(petition.json());
            assertThat(catalogue.kinds()).contains(body.path("kind").asString());
            Catalogue.Category category =
                    catalogue.category(body.path("category").asString());
            JsonNode details = body.path("details");
            for (Catalogue.Field field : category.fields()) {
                if (field.required()) {
                    assertThat(details.path(field.code()).asString(""))
                            .as(field.code())
                            .isNotBlank();
                }
                if (field.type().equals("choice") && details.has(field.code())) {
                    assertThat(field.choices())
                            .contains(details.path(field.code()).asString());
                }
                if (field.type().equals("date") && details.has(field.code())) {
                    assertThat(java.time.LocalDate.parse(
                                    details.path(field.code()).asString()))
                            .isBefore(java.time.LocalDate.of(2026, 11, 20));
                }
            }
            for (String given : details.propertyNames()) {
                assertThat(category.fields()).extracting(Catalogue.Field::code).contains(given);
            }
            if (!body.path("kind").asString().equals("recommendation")) {
                // What the laws on complaints and denunciations require: a name and a way to answer.
                JsonNode citizen = body.path("citizen");
                assertThat(citizen.path("name").asString("")).isNotBlank();
                assertThat(citizen.has("phone") || citizen.has("email") || citizen.has("address"))
                        .isTrue();
            }
            assertThat(catalogue.channels()).contains(body.path("channel").asString());
            assertThat(body.path("title").asString()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(body.path("description").asString()).isNotBlank().hasSizeLessThanOrEqualTo(10_000);
            assertThat(body.path("portalReference").asString()).isEqualTo(petition.portalReference());

            JsonNode location = body.path("location");
            if (petition.locationForm() == PetitionGenerator.LocationForm.COMMUNE_CODE) {
                assertThat(communeCodes).contains(location.path("communeCode").asString());
            } else if (petition.locationForm() == PetitionGenerator.LocationForm.POINT_ONLY) {
                assertThat(location.path("latitude").asDouble()).isBetween(18.0, 20.5);
                assertThat(location.path("longitude").asDouble()).isBetween(103.5, 106.0);
            } else {
                assertThat(location.has("communeCode")).isFalse();
                assertThat(location.path("address").asString()).isNotBlank().hasSizeLessThanOrEqualTo(500);
            }

            OffsetDateTime received =
                    OffsetDateTime.parse(body.path("receivedAt").asString());
            assertThat(received.getOffset()).isEqualTo(ZoneOffset.ofHours(7));
            assertThat(received.toInstant()).isBefore(NOW).isAfter(NOW.minus(Duration.ofHours(73)));
        }
    }

    @Test
    void portal_references_are_never_repeated() {
        List<PetitionGenerator.Petition> petitions = generate();
        assertThat(petitions)
                .extracting(PetitionGenerator.Petition::portalReference)
                .doesNotHaveDuplicates();
        assertThat(petitions.get(0).portalReference()).isEqualTo("BENCH-t1-0000001");
        assertThat(generator.generated()).isEqualTo(COUNT);
    }

    @Test
    void the_mix_follows_the_weights() {
        Map<String, Integer> kinds = new HashMap<>();
        Map<PetitionGenerator.LocationForm, Integer> forms = new EnumMap<>(PetitionGenerator.LocationForm.class);
        Set<String> categories = new HashSet<>();
        Set<String> channels = new HashSet<>();
        int withPhone = 0;
        for (PetitionGenerator.Petition p : generate()) {
            kinds.merge(p.kind(), 1, Integer::sum);
            forms.merge(p.locationForm(), 1, Integer::sum);
            categories.add(p.category());
            channels.add(p.channel());
            withPhone += p.withPhone() ? 1 : 0;
        }
        assertThat(share(kinds.get("recommendation"))).isBetween(0.65, 0.75);
        assertThat(share(kinds.get("complaint"))).isBetween(0.17, 0.23);
        assertThat(share(kinds.get("denunciation"))).isBetween(0.08, 0.12);
        assertThat(share(forms.get(PetitionGenerator.LocationForm.COMMUNE_CODE)))
                .isBetween(0.40, 0.50);
        assertThat(share(forms.get(PetitionGenerator.LocationForm.OLD_ADDRESS))).isBetween(0.18, 0.26);
        assertThat(share(forms.get(PetitionGenerator.LocationForm.POINT_ONLY))).isBetween(0.015, 0.045);
        assertThat(share(forms.get(PetitionGenerator.LocationForm.VAGUE_ADDRESS)))
                .isBetween(0.03, 0.07);
        // 55% by choice, more where the law asks complaints and denunciations for a way to answer.
        assertThat(share(withPhone)).isBetween(0.55, 0.70);
        assertThat(categories)
                .containsExactlyInAnyOrderElementsOf(Catalogue.builtIn().categories().stream()
                        .map(Catalogue.Category::code)
                        .toList());
        assertThat(channels)
                .containsExactlyInAnyOrderElementsOf(Catalogue.builtIn().channels());
    }

    @Test
    void text_is_vietnamese_with_diacritics_and_old_addresses_name_old_communes() {
        List<PetitionGenerator.Petition> petitions = generate();
        assertThat(petitions).allSatisfy(p -> assertThat(
                        json.readTree(p.json()).path("title").asString())
                .matches(".*[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữọỏõòóịỉĩìíụủũùúỵỷỹỳýẹẻẽèéĐ].*"));
        List<String> oldAddresses = petitions.stream()
                .filter(p -> p.locationForm() == PetitionGenerator.LocationForm.OLD_ADDRESS)
                .map(p ->
                        json.readTree(p.json()).path("location").path("address").asString())
                .toList();
        assertThat(oldAddresses).anyMatch(a -> a.contains("huyện Yên Thành"));
        assertThat(oldAddresses).anyMatch(a -> a.startsWith("thị trấn ") || a.contains(", thị trấn "));
    }

    @Test
    void phones_are_valid_vietnamese_numbers() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            String phone = PetitionGenerator.phone(random);
            assertThat(phone).matches("[+0-9 .]{10,16}");
            try {
                assertThat(util.isValidNumber(util.parse(phone, "VN")))
                        .as(phone)
                        .isTrue();
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                throw new AssertionError(phone, e);
            }
        }
    }

    @Test
    void identity_numbers_have_a_province_code_and_twelve_digits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            String id = PetitionGenerator.nationalId(random).replace(" ", "");
            assertThat(id).matches("0(40|38|42)[0-3]\\d{8}");
        }
    }

    @Test
    void addresses_can_be_written_without_diacritics() {
        assertThat(PetitionGenerator.ascii("Xóm 3, xã Hợp Minh, tỉnh Nghệ An, Đô Lương"))
                .isEqualTo("Xom 3, xa Hop Minh, tinh Nghe An, Do Luong");
        assertThat(PetitionGenerator.lowerKind("Phường Vinh Phú")).isEqualTo("phường Vinh Phú");
        assertThat(PetitionGenerator.lowerKind("Thị trấn Nam Đàn")).isEqualTo("thị trấn Nam Đàn");
    }

    @Test
    void reads_the_catalogue_as_intake_publishes_it() {
        Catalogue catalogue = Catalogue.builtIn();
        assertThat(catalogue.kinds()).containsExactly("recommendation", "complaint", "denunciation");
        assertThat(catalogue.channels()).contains("portal", "hotline", "household_visit");
        assertThat(catalogue.category("environment.pollution").requiredFields()).containsExactly("pollutionType");
        assertThat(catalogue.category("environment.pollution").fields().get(0).choices())
                .contains("air", "noise");
        assertThat(catalogue.lawRequires("complaint"))
                .containsExactly(List.of("citizen.name"), List.of("citizen.address", "citizen.phone", "citizen.email"));
        assertThat(catalogue.lawRequires("recommendation")).isEmpty();
        assertThat(catalogue.skipped()).isEmpty();
    }

    @Test
    void leaves_out_what_it_cannot_fill() {
        Catalogue catalogue = Catalogue.parse("""
                {"kinds":[{"code":"recommendation"},{"code":"complaint"}],
                 "categories":[
                   {"code":"health","fields":[]},
                   {"code":"photo.only","fields":[{"code":"photo","type":"image","required":true}],
                    "requiredFields":["photo"]},
                   {"code":"roads","fields":[{"code":"sketch","type":"image","required":false},
                                             {"code":"roadName","type":"text","required":false}]}],
                 "channels":[{"code":"portal"}],
                 "lawRequires":{"complaint":["citizen.fingerprint"]}}
                """, json);
        assertThat(catalogue.kinds()).containsExactly("recommendation");
        assertThat(catalogue.categories()).extracting(Catalogue.Category::code).containsExactly("health", "roads");
        assertThat(catalogue.category("roads").fields())
                .extracting(Catalogue.Field::code)
                .containsExactly("roadName");
        assertThat(catalogue.skipped())
                .containsExactly(
                        "kind complaint: the law requires citizen.fingerprint",
                        "category photo.only: required photo of type image");
    }

    private static double share(Integer count) {
        return count == null ? 0 : count / (double) COUNT;
    }
}
