package vn.gandan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.PetitionId;
import vn.gandan.events.PetitionSubmitted;
import vn.gandan.support.SampleEvents;

class OutboxEntryUnitTests {

    @Test
    void anEntryHoldsTheEventExactlyAsItWillBePublished() {
        PetitionSubmitted event = SampleEvents.submitted(PetitionId.random());

        OutboxEntry entry = OutboxEntry.of(event);

        assertThat(entry.eventId()).isEqualTo(event.eventId().toString());
        assertThat(entry.type()).isEqualTo("vn.gandan.petition.submitted.v1");
        assertThat(entry.petitionId()).isEqualTo(event.petitionId().toString());
        assertThat(entry.occurredAt()).isEqualTo(event.occurredAt());
        assertThat(entry.payload())
                .isEqualTo(new String(new PetitionEventCodec().toJson(event), StandardCharsets.UTF_8));
    }
}
