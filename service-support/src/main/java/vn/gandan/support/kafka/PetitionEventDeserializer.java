package vn.gandan.support.kafka;

import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;
import vn.gandan.events.UnreadableEventException;

/**
 * Reads a CloudEvents record (binary or structured mode) into its typed {@link PetitionEvent}. Anything
 * unreadable throws, and {@code ErrorHandlingDeserializer} turns that into a dead letter with the reason.
 */
public class PetitionEventDeserializer implements Deserializer<PetitionEvent> {

    private final PetitionEventCodec codec;
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();

    public PetitionEventDeserializer(PetitionEventCodec codec) {
        this.codec = codec;
    }

    @Override
    public PetitionEvent deserialize(String topic, byte[] data) {
        throw new UnsupportedOperationException("CloudEvents need the record headers");
    }

    @Override
    public PetitionEvent deserialize(String topic, Headers headers, byte[] data) {
        try {
            return codec.fromCloudEvent(cloudEvents.deserialize(topic, headers, data));
        } catch (UnreadableEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableEventException("not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
