package vn.gandan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gandan.events.Channel;
import vn.gandan.events.PetitionKind;
import vn.gandan.intake.submission.Categories;
import vn.gandan.intake.submission.NewPetition;
import vn.gandan.intake.submission.Petition;

/** The form of {@code POST requests} and the arguments of {@code GET requests}, without a server. */
class Open311FormUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

    final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ServiceRequestForm form = new ServiceRequestForm(validation.getValidator(), clock);
    final ServiceRequestSearch search = new ServiceRequestSearch(null, clock);

    @AfterEach
    void close() {
        validation.close();
    }

    static MultiValueMap<String, String> fields(String... namesAndValues) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    @Test
    void mapsTheSpecsFieldsToAPetition() {
        NewPetition petition = form.toPetition(fields(
                "service_code", "infrastructure.roads",
                "address_id", "17605",
                "first_name", "Thị Bình",
                "last_name", "Trần",
                "phone", "0912345678",
                "description", "  Ổ gà lớn\ntrên quốc lộ 7  ",
                "attribute[kind]", "complaint",
                "attribute[unknown]", "ignored"));

        assertThat(petition.kind()).isEqualTo(PetitionKind.COMPLAINT);
        assertThat(petition.category()).isEqualTo("infrastructure.roads");
        assertThat(petition.title()).isEqualTo("Ổ gà lớn trên quốc lộ 7");
        assertThat(petition.description()).isEqualTo("Ổ gà lớn\ntrên quốc lộ 7");
        assertThat(petition.communeCode()).isEqualTo("17605");
        assertThat(petition.address()).isNull();
        assertThat(petition.channel()).isEqualTo(Channel.PORTAL);
        assertThat(petition.receivedAt()).isEqualTo(NOW);
        assertThat(petition.citizen().name()).isEqualTo("Trần Thị Bình");
        assertThat(petition.portalReference()).isNull();
    }

    @Test
    void theTitleIsTheFirst120CharactersOrTheServiceName() {
        var roads = Categories.ALL.get(0);
        String long_ = "ệ".repeat(130);

        assertThat(ServiceRequestForm.title(long_, roads)).hasSize(120);
        assertThat(ServiceRequestForm.title("😀".repeat(121), roads).codePointCount(0, 240))
                .isEqualTo(120);
        assertThat(ServiceRequestForm.title(null, roads)).isEqualTo(roads.nameVi());
    }

    @Test
    void coordinatesAndCategoryAttributesAreKept() {
        NewPetition petition = form.toPetition(fields(
                "service_code", "environment.waste",
                "lat", "18.67",
                "long", "105.69",
                "attribute[kind]", "recommendation",
                "attribute[channel]", "HOTLINE",
                "attribute[roadName]", "Quốc lộ 7A"));

        assertThat(petition.communeCode()).isNull();
        assertThat(petition.address()).isNull();
        assertThat(petition.coordinates()).isEqualTo(new Petition.Coordinates(18.67, 105.69));
        assertThat(petition.details()).containsExactly(java.util.Map.entry("roadName", "Quốc lộ 7A"));
        assertThat(petition.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(petition.title()).isEqualTo("Rác thải");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> form.toPetition(fields(
                        "service_code", "infrastructure.roads",
                        "lat", "18.6",
                        "address_id", "176",
                        "email", "not an address",
                        "media_url", "javascript:alert(1)",
                        "attribute[kind]", "wish",
                        "attribute[channel]", "pigeon")))
                .isInstanceOfSatisfying(Open311Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors().stream().map(Open311Error::description))
                            .hasSize(6)
                            .anySatisfy(d -> assertThat(d).contains("lat and long"))
                            .anySatisfy(d -> assertThat(d).startsWith("address_id"))
                            .anySatisfy(d -> assertThat(d).startsWith("email"))
                            .anySatisfy(d -> assertThat(d).startsWith("media_url"))
                            .anySatisfy(d -> assertThat(d).startsWith("attribute[kind]"))
                            .anySatisfy(d -> assertThat(d).startsWith("attribute[channel]"));
                });
    }

    @Test
    void anUnknownServiceCodeIsNotFoundAndAMissingOneIsBad() {
        assertThatThrownBy(() -> form.toPetition(fields("service_code", "001")))
                .isInstanceOfSatisfying(
                        Open311Exception.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> form.toPetition(fields("service_code", "")))
                .isInstanceOfSatisfying(
                        Open311Exception.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void theDefaultWindowIsTheLast90Days() {
        var filter = search.parse(fields());

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-08-25T05:00:00Z"));
        assertThat(filter.to()).isNull();
        assertThat(filter.statuses()).isEmpty();
    }

    @Test
    void aStartDateOpensA90DayWindowAndDatesMayComeInW3Forms() {
        var filter = search.parse(fields("start_date", "2026-01-01T00:00:00Z", "status", "open,closed"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(filter.statuses()).containsExactly("open", "closed");

        // An unencoded "+" arrives as a space; a date alone is a day in Vietnam.
        var end = search.parse(fields("end_date", "2026-05-01T07:00:00 07:00", "start_date", "2026-04-01"));
        assertThat(end.to()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(end.from()).isEqualTo(Instant.parse("2026-03-31T17:00:00Z"));
    }

    @Test
    void idsAndCodesComeCommaSeparatedOrRepeated() {
        var filter = search.parse(fields(
                "service_request_id", "a, b",
                "service_request_id", "c",
                "service_code", "health,education"));

        assertThat(filter.ids()).isEqualTo(List.of("a", "b", "c"));
        assertThat(filter.serviceCodes()).isEqualTo(List.of("health", "education"));
    }

    @Test
    void badArgumentsAreAllReported() {
        assertThatThrownBy(() -> search.parse(fields(
                        "status", "pending",
                        "service_code", "001",
                        "start_date", "yesterday",
                        "end_date", "2026-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(
                        Open311Exception.class, e -> assertThat(e.errors()).hasSize(3));
        assertThatThrownBy(() ->
                        search.parse(fields("start_date", "2026-02-01T00:00:00Z", "end_date", "2026-01-01T00:00:00Z")))
                .hasMessageContaining("after");
    }
}
