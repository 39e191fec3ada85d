package vn.gandan.support.outbox;

import java.util.List;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Names the aggregate to the relay after any save of a document whose outbox holds events; services need not call anything. */
class OutboxSaveListener extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        var document = event.getDocument();
        if (document != null && document.get(OutboxEntry.FIELD) instanceof List<?> pending && !pending.isEmpty()) {
            relay.pending(event.getCollectionName(), document.get("_id"));
        }
    }
}
