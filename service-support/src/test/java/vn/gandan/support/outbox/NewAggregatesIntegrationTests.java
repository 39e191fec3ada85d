package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gandan.testsupport.KafkaProbe.header;
import static vn.gandan.testsupport.KafkaProbe.withKey;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.TestPetition;
import vn.gandan.support.testapp.TestPetitions;
import vn.gandan.testsupport.KafkaProbe;

/**
 * New aggregates inserted in one bulk: the events of every one that went in reach Kafka without waiting for the
 * relay's sweep (minutes away here), also when another of the bulk was refused as a duplicate.
 */
@SupportIntegrationTest
class NewAggregatesIntegrationTests {

    static KafkaProbe intake;

    @Autowired
    NewAggregates newAggregates;

    @Autowired
    TestPetitions petitions;

    @BeforeAll
    static void readTopic() {
        intake = KafkaProbe.reading(Topics.INTAKE_PETITIONS);
    }

    @AfterAll
    static void close() {
        intake.close();
    }

    @Test
    void aBulkOfNewAggregatesIsPublished() {
        List<TestPetition> fresh = List.of(petition(), petition());

        assertThat(newAggregates.insert(TestPetition.class, fresh, TestPetition::id))
                .containsExactlyElementsOf(fresh);

        for (TestPetition p : fresh) {
            assertThat(intake.await(withKey(p.id()), Duration.ofSeconds(20))).isNotNull();
        }
    }

    @Test
    void aDuplicateIsLeftAsItIsAndTheOthersAreStillPublished() {
        TestPetition first =
                petitions.insert(new TestPetition(PetitionId.random().toString(), "40-FIRST", "first"));
        TestPetition before = petition();
        TestPetition duplicate = new TestPetition(first.id(), "40-SECOND", "second")
                .raise(SampleEvents.submitted(PetitionId.of(first.id())));
        TestPetition after = petition();

        assertThat(newAggregates.insert(TestPetition.class, List.of(before, duplicate, after), TestPetition::id))
                .containsExactly(before, after);

        for (TestPetition p : List.of(before, after)) {
            ConsumerRecord<String, byte[]> record = intake.await(withKey(p.id()), Duration.ofSeconds(20));
            assertThat(header(record, "ce_id"))
                    .contains(p.outbox().get(0).eventId().toString());
        }
        assertThat(petitions.findById(first.id()).orElseThrow().status()).isEqualTo("first");
        assertThat(intake.recordsWithKey(first.id(), Duration.ofMillis(500)))
                .as("the refused one's event")
                .isEmpty();
    }

    private static TestPetition petition() {
        PetitionId id = PetitionId.random();
        PetitionSubmitted event = SampleEvents.submitted(id);
        return new TestPetition(id.toString(), event.trackingCode(), "submitted").raise(event);
    }
}
