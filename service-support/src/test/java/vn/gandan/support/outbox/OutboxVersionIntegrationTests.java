package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.events.Topics;
import vn.gandan.support.SampleEvents;
import vn.gandan.support.SupportIntegrationTest;
import vn.gandan.support.testapp.VersionedTestPetition;
import vn.gandan.support.testapp.VersionedTestPetitions;
import vn.gandan.testsupport.KafkaProbe;

/**
 * A copy of an aggregate read before the relay published its events still holds them: saving it must not put
 * them back to be published twice. The relay bumps the version, so that save fails and the caller reads again.
 */
@SupportIntegrationTest
class OutboxVersionIntegrationTests {

    static KafkaProbe intake;

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
    void aStaleCopyCannotRepublishWhatTheRelayRemoved() {
        PetitionId petitionId = PetitionId.random();
        String id = petitionId.toString();
        PetitionSubmitted event = SampleEvents.submitted(petitionId);
        // The copy as saved, event and version: what a reader had before the relay ran. Read back from the store
        // instead, it may already be relayed: the save wakes the relay at once.
        VersionedTestPetition stale =
                petitions.save(new VersionedTestPetition(id, "submitted").raise("submitted", event));
        assertThat(stale.outbox()).hasSize(1);

        intake.await(KafkaProbe.withKey(id), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        petitions.findById(id).orElseThrow().outbox())
                .isEmpty());

        assertThatThrownBy(() -> petitions.save(stale.raise("routed", SampleEvents.submitted(petitionId))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        VersionedTestPetition fresh = petitions.findById(id).orElseThrow();
        PetitionSubmitted second = SampleEvents.resubmittedForTriage(event);
        petitions.save(fresh.raise("routed", second));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        petitions.findById(id).orElseThrow().outbox())
                .isEmpty());
        assertThat(intake.recordsWithKey(id, Duration.ofSeconds(1)))
                .map(r -> KafkaProbe.header(r, "ce_id").orElseThrow())
                .containsExactly(event.eventId().toString(), second.eventId().toString());
    }
}
