package vn.gandan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event record has a type, a schema and a golden sample, and the names follow the conventions of ADR 0002. */
class EventCatalogueUnitTests {

    /** Each producer's sealed branch and the topics it owns (intake keeps personal data on a topic of its own). */
    private static final Map<Class<?>, Set<String>> TOPICS_OF_BRANCH = Map.of(
            IntakeEvent.class, Set.of(Topics.INTAKE_PETITIONS, Topics.INTAKE_CONTACTS),
            RoutingEvent.class, Set.of(Topics.ROUTING_CASES),
            NotificationEvent.class, Set.of(Topics.NOTIFICATION_DELIVERIES));

    /** The one topic that may carry personal data, and the only types allowed on it. */
    @Test
    void onlyTheCitizensConsentAndItsWithdrawalTravelOnTheContactsTopic() {
        assertThat(Arrays.stream(EventType.values()).filter(type -> type.topic().equals(Topics.INTAKE_CONTACTS)))
                .containsExactlyInAnyOrder(
                        EventType.CITIZEN_NOTIFICATIONS_CONSENTED, EventType.CITIZEN_NOTIFICATIONS_WITHDRAWN);
        assertThat(EventType.PETITION_SUBMITTED.topic()).isEqualTo(Topics.INTAKE_PETITIONS);
    }

    @Test
    void everyConcreteEventRecordHasATypeASchemaAndAGoldenSample() {
        Set<Class<?>> records = concreteEvents(PetitionEvent.class);

        assertThat(records).isNotEmpty();
        for (Class<?> record : records) {
            assertThat(record.isRecord()).as("%s is a record", record.getName()).isTrue();
            @SuppressWarnings("unchecked")
            Class<? extends PetitionEvent> eventClass = (Class<? extends PetitionEvent>) record;
            assertThatCode(() -> EventType.of(eventClass)).doesNotThrowAnyException();
            EventType type = EventType.of(eventClass);
            assertThat(Contracts.exists(type.schemaResource()))
                    .as("schema %s", type.schemaResource())
                    .isTrue();
            assertThat(Contracts.exists(Contracts.goldenResource(type)))
                    .as("golden sample %s", Contracts.goldenResource(type))
                    .isTrue();
        }
        Set<Class<?>> typed = Arrays.stream(EventType.values())
                .<Class<?>>map(EventType::javaType)
                .collect(Collectors.toSet());
        assertThat(typed)
                .as("one event type per record, and no type without a record")
                .containsExactlyInAnyOrderElementsOf(records)
                .hasSize(EventType.values().length);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNameFollowsTheConvention(EventType type) {
        assertThat(type.typeName())
                .matches("vn\\.gandan\\.[a-z][a-z_]*\\.[a-z][a-z_]*\\.v[1-9][0-9]*")
                .endsWith(".v" + type.schemaVersion());
        assertThat(EventType.ofTypeName(type.typeName())).contains(type);
        assertThat(type.dataSchema()).hasToString("urn:gandan:schema:" + type.typeName());
        assertThat(type.schemaResource()).isEqualTo("/vn/gandan/events/schemas/" + type.typeName() + ".json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeIsPublishedOnTheTopicOfItsProducer(EventType type) {
        List<Set<String>> branches = TOPICS_OF_BRANCH.entrySet().stream()
                .filter(branch -> branch.getKey().isAssignableFrom(type.javaType()))
                .map(Map.Entry::getValue)
                .toList();

        assertThat(branches).singleElement().satisfies(owned -> assertThat(owned)
                .contains(type.topic()));
        String producer = type.topic().split("\\.")[1];
        assertThat(type.source()).hasToString("/gandan/" + producer);
        assertThat(Samples.of(type).type()).isEqualTo(type);
        assertThat(Samples.of(type).schemaVersion()).isEqualTo(type.schemaVersion());
    }

    @Test
    void typeNamesAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::typeName)).doesNotHaveDuplicates();
    }

    @Test
    void deadLetterTopicIsOnePerConsumerGroup() {
        assertThat(Topics.deadLetter(Topics.ROUTING_GROUP)).isEqualTo("gandan.routing.dlt");
        assertThat(Stream.of(
                                Topics.INTAKE_GROUP,
                                Topics.ROUTING_GROUP,
                                Topics.NOTIFICATION_GROUP,
                                Topics.REPORTING_GROUP)
                        .map(Topics::deadLetter))
                .doesNotHaveDuplicates()
                .allMatch(topic -> topic.matches("gandan\\.[a-z]+\\.dlt"));
    }

    @Test
    void noSchemaOrGoldenSampleWithoutAnEventType() throws IOException, URISyntaxException {
        Set<String> expected = Arrays.stream(EventType.values())
                .map(type -> type.typeName() + ".json")
                .collect(Collectors.toSet());

        assertThat(fileNames("/vn/gandan/events/schemas")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fileNames("/golden")).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Set<Class<?>> concreteEvents(Class<?> sealedType) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                found.addAll(concreteEvents(permitted));
            } else {
                found.add(permitted);
            }
        }
        return found;
    }

    private static Set<String> fileNames(String directory) throws IOException, URISyntaxException {
        Path path = Path.of(EventCatalogueUnitTests.class.getResource(directory).toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
