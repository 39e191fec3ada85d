package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gandan.testsupport.KafkaProbe.header;
import static vn.gandan.testsupport.KafkaProbe.withKey;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.VersionedTestPetition;
import vn.gandan.support.testapp.VersionedTestPetitions;
import vn.gandan.testsupport.KafkaProbe;

/**
 * Changed aggregates saved in one bulk, each at the version it was read at: their events reach Kafka without
 * waiting for the relay's sweep (minutes away here), and one another writer changed meanwhile keeps that change.
 */
@SupportIntegrationTest
class ChangedAggregatesIntegrationTests {

    static KafkaProbe intake;

    @Autowired
    ChangedAggregates changedAggregates;

    @Autowired
    VersionedTestPetitions petitions;

    @BeforeAll
    static void readTopic() {
        intake = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intake.close();
    }

    @Test
    void changedAggregatesAreSavedAtTheirVersionAndPublished() {
        VersionedTestPetition first = stored();
        VersionedTestPetition second = stored();
        PetitionSubmitted firstEvent = SampleEvents.submitted(PetitionId.of(first.id()));
        PetitionSubmitted secondEvent = SampleEvents.submitted(PetitionId.of(second.id()));

        assertThat(changedAggregates.replace(
                        VersionedTestPetition.class,
                        List.of(first.raise("routed", firstEvent), second.raise("routed", secondEvent))))
                .containsExactly(first, second);

        assertThat(first.version()).isEqualTo(1L);
        assertThat(petitions.findById(first.id()).orElseThrow().status()).isEqualTo("routed");
        assertThat(petitions.findById(second.id()).orElseThrow().status()).isEqualTo("routed");
        assertThat(header(intake.await(withKey(first.id()), Duration.ofSeconds(20)), "ce_id"))
                .contains(firstEvent.eventId().toString());
        assertThat(header(intake.await(withKey(second.id()), Duration.ofSeconds(20)), "ce_id"))
                .contains(secondEvent.eventId().toString());
    }

    @Test
    void oneChangedMeanwhileByAnotherWriterIsLeftAsThatWriterLeftIt() {
        VersionedTestPetition before = stored();
        VersionedTestPetition raced = stored();
        VersionedTestPetition after = stored();
        // Another writer (an operator, say) changed it after this copy was read.
        VersionedTestPetition theirs = petitions.findById(raced.id()).orElseThrow();
        petitions.save(theirs.raise("cancelled", SampleEvents.submitted(PetitionId.of(raced.id()))));

        assertThat(changedAggregates.replace(
                        VersionedTestPetition.class,
                        List.of(
                                before.raise("routed", SampleEvents.submitted(PetitionId.of(before.id()))),
                                raced.raise("routed", SampleEvents.submitted(PetitionId.of(raced.id()))),
                                after.raise("routed", SampleEvents.submitted(PetitionId.of(after.id()))))))
                .containsExactly(before, after);

        assertThat(raced.version()).as("the refused copy's version, unmoved").isZero();
        assertThat(petitions.findById(raced.id()).orElseThrow().status()).isEqualTo("cancelled");
        assertThat(petitions.findById(before.id()).orElseThrow().status()).isEqualTo("routed");
        assertThat(petitions.findById(after.id()).orElseThrow().status()).isEqualTo("routed");
        assertThat(intake.await(withKey(after.id()), Duration.ofSeconds(20))).isNotNull();
    }

    private VersionedTestPetition stored() {
        String id = PetitionId.random().toString();
        petitions.save(new VersionedTestPetition(id, "submitted"));
        return petitions.findById(id).orElseThrow();
    }
}
