package vn.gandan.support.testapp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.gandan.events.PetitionEvent;
import vn.gandan.support.outbox.OutboxEntry;

/** An aggregate with an outbox, as a service would keep one: its state and the events of its last change. */
@Document(TestPetition.COLLECTION)
public class TestPetition {

    public static final String COLLECTION = "support_test_petitions";

    @Id
    private String id;

    private String trackingCode;
    private String status;
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected TestPetition() {}

    public TestPetition(String id, String trackingCode, String status) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.status = status;
    }

    /** Records an event to be published with the next save. */
    public TestPetition raise(PetitionEvent event) {
        outbox.add(OutboxEntry.of(event));
        return this;
    }

    public String id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public String status() {
        return status;
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
