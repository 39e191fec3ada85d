package vn.gandan.support.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import vn.gandan.events.PetitionEvent;
import vn.gandan.events.PetitionEventCodec;

/**
 * Writes record values: a {@link PetitionEvent} or {@link CloudEvent} in CloudEvents binary mode, or raw bytes
 * (a dead letter that could not be read). Any {@code ce_*} headers already on the record (a dead letter keeps
 * its original headers) are replaced, so a record never carries two ids.
 */
public class PetitionEventSerializer implements Serializer<Object> {

    private final PetitionEventCodec codec;
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    public PetitionEventSerializer(PetitionEventCodec codec) {
        this.codec = codec;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        cloudEvents.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        throw new UnsupportedOperationException("CloudEvents binary mode needs the record headers");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        CloudEvent event =
                data instanceof PetitionEvent petitionEvent ? codec.toCloudEvent(petitionEvent) : (CloudEvent) data;
        for (var header : headers.toArray()) {
            if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
                headers.remove(header.key());
            }
        }
        return cloudEvents.serialize(topic, headers, event);
    }
}
